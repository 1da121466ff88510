using System.Text.Json;
using SubgraphKit.Http;

namespace Edge.Requests;

/// <summary>
/// A request the edge refuses itself, before the engine sees it: a GraphQL response with one error, its
/// code and the correlation id, in the media type the client accepts (application/json if none).
/// </summary>
public static class EdgeErrors
{
    /// <summary>A transport refusal, in the media type the request negotiated (application/json for 405 and 406).</summary>
    public static Task WriteAsync(HttpContext http, GraphQLHttpRefusal refusal, string mediaType) =>
        WriteAsync(http, refusal.Status, refusal.Code, refusal.Message, mediaType);

    public static Task WriteAsync(HttpContext http, int status, string code, string message) =>
        WriteAsync(http, status, code, message, MediaTypeOf(http));

    private static async Task WriteAsync(HttpContext http, int status, string code, string message, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        CorrelationId.TryGet(http, out var id);

        await using var json = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("message", message);
        json.WriteStartObject("extensions");
        json.WriteString("code", code);
        if (id is not null)
        {
            json.WriteString("correlationId", id);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string MediaTypeOf(HttpContext http) => GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) ?? GraphQLMediaTypes.Json;
}
