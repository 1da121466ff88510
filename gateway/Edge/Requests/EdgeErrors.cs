using System.Text.Json;
using SubgraphKit.Http;

namespace Edge.Requests;

/// <summary>
/// A request the edge refuses itself, before the engine sees it: a GraphQL response with one error, its
/// code and the correlation id, in the media type the client accepts (application/json if none).
/// </summary>
public static class EdgeErrors
{
    /// <summary>
    /// A well-formed request refused before execution, as the GraphQL-over-HTTP spec answers a validation
    /// error: 400 under application/graphql-response+json, 200 under application/json.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext http, string code, string message) =>
        WriteAsync(http, MediaTypeOf(http) == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, code, message);

    public static async Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        var mediaType = MediaTypeOf(http);
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
