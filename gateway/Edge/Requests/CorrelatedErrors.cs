using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Requests;

/// <summary>
/// Puts the request's correlation id on every error of a GraphQL response, as the subgraphs do on
/// theirs, so the id a user reports from any error finds the edge's, the engine's and the subgraphs'
/// log lines. An answer without errors is passed on as it is, unparsed.
/// </summary>
public static class CorrelatedErrors
{
    // As the engine writes: an apostrophe in a message stays an apostrophe.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] ErrorsKey = "\"errors\""u8.ToArray();

    public static byte[] Add(byte[] response, string correlationId)
    {
        if (response.AsSpan().IndexOf(ErrorsKey) < 0 || JsonNode.Parse(response) is not JsonObject { } result
            || result["errors"] is not JsonArray errors)
        {
            return response;
        }

        foreach (var error in errors.OfType<JsonObject>())
        {
            if (error["extensions"] is not JsonObject extensions)
            {
                error["extensions"] = extensions = [];
            }

            extensions["correlationId"] = correlationId;
        }

        return JsonSerializer.SerializeToUtf8Bytes(result, Json);
    }
}
