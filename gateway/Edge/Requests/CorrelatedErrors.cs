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

    /// <summary>The engine's codes for a subgraph call or an execution that failed: the gateway's faults, not the client's.</summary>
    private static readonly HashSet<string> GatewayFaultCodes = ["SUBGRAPH_REQUEST_ERROR", "SUBGRAPH_INVALID_RESPONSE_ERROR", "GATEWAY_TIMEOUT"];

    public static CorrelatedAnswer Add(byte[] response, string correlationId)
    {
        if (response.AsSpan().IndexOf(ErrorsKey) < 0 || JsonNode.Parse(response) is not JsonObject { } result
            || result["errors"] is not JsonArray errors)
        {
            return new(response, DataAdded: false, Faults: []);
        }

        var faults = new List<string>();
        var timedOut = false;
        foreach (var error in errors.OfType<JsonObject>())
        {
            if (error["extensions"] is not JsonObject extensions)
            {
                error["extensions"] = extensions = [];
            }

            extensions["correlationId"] = correlationId;
            if (extensions["code"] is JsonValue code && code.TryGetValue<string>(out var name) && GatewayFaultCodes.Contains(name))
            {
                faults.Add($"{name} {error["message"]?.ToJsonString(Json)} at {error["path"]?.ToJsonString(Json) ?? "no path"}");
                timedOut |= name == "GATEWAY_TIMEOUT";
            }
        }

        // The engine's own timeout (`[gateway] timeout`) cuts off an execution that had started and answers
        // errors alone; GraphQL over HTTP gives such a request a data entry, here null.
        var dataAdded = timedOut && !result.ContainsKey("data");
        if (dataAdded)
        {
            result["data"] = null;
        }

        return new(JsonSerializer.SerializeToUtf8Bytes(result, Json), dataAdded, faults);
    }
}

/// <param name="Body">The answer, with the correlation id on each error.</param>
/// <param name="DataAdded">Whether the answer got its <c>"data": null</c> here, so it is a partial response (200), no longer a request error.</param>
/// <param name="Faults">The errors that say a subgraph call or the execution failed, each as its code, message and path, for the log.</param>
public readonly record struct CorrelatedAnswer(byte[] Body, bool DataAdded, IReadOnlyList<string> Faults);
