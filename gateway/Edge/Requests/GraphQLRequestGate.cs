using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Engine;
using Microsoft.Extensions.Options;
using SubgraphKit.Http;

namespace Edge.Requests;

/// <summary>
/// What happens to a request at /graphql before the engine sees it: the correlation id is settled, the
/// body is bounded (413), the JSON must be one request object, a trusted document replaces its id, the
/// document's tokens are counted and, in production, introspection is refused. Everything else (methods,
/// content types, parsing, validation, limits, execution) is the engine's.
/// </summary>
public sealed class GraphQLRequestGate(EngineForwarder engine, DocumentChecks documents, TrustedDocuments trusted, IOptions<EdgeOptions> options)
{
    private const string TrustedHint = "this gateway runs only the trusted documents of schema/operations/, by id";

    public async Task HandleAsync(HttpContext http)
    {
        CorrelationId.Establish(http);
        var admitted = http.Request.Method switch
        {
            "POST" when IsJson(http.Request.ContentType) => await AdmitPostAsync(http),
            "GET" => await AdmitGetAsync(http),
            _ => true,
        };
        if (admitted)
        {
            await engine.ForwardAsync(http);
        }
    }

    private async Task<bool> AdmitPostAsync(HttpContext http)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var body = await LimitedRequestBody.ReadAsync(http.Request, limit);
        if (body is null)
        {
            await EdgeErrors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than the limit of {limit} bytes.");
            return false;
        }

        JsonObject request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            await EdgeErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "INVALID_JSON",
                "The request body is not a GraphQL request in JSON: send one object with a 'query' string and optional 'operationName', 'variables' and 'extensions' (batches are not supported).");
            return false;
        }

        // The spec lets a client send null for an absent parameter; the engine refuses a null 'extensions'.
        var changed = RemoveNulls(request, "operationName", "variables", "extensions");
        if (request["query"] is { } query && query.GetValueKind() != JsonValueKind.String)
        {
            await EdgeErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "INVALID_JSON", "The request's 'query' must be a string.");
            return false;
        }

        if (trusted.Enabled)
        {
            var id = DocumentIdOf(request["extensions"]?["persistedQuery"]?["sha256Hash"], request["documentId"]);
            var document = await FindTrustedAsync(http, id, hasQuery: request["query"] is not null);
            if (document is null)
            {
                return false;
            }

            request["query"] = document;
            request.Remove("documentId");
            (request["extensions"] as JsonObject)?.Remove("persistedQuery");
            changed = true;
        }
        else if (request["query"]?.GetValue<string>() is { } text && !await AdmitDocumentAsync(http, text))
        {
            return false;
        }

        // The engine reads the buffered body as it came, or the request as the edge rewrote it.
        if (changed)
        {
            body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request));
        }

        body.Position = 0;
        http.Request.Body = body;
        http.Request.ContentLength = body.Length;
        return true;
    }

    private async Task<bool> AdmitGetAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (trusted.Enabled)
        {
            JsonNode? extensions = null;
            try
            {
                extensions = string.IsNullOrEmpty(query["extensions"]) ? null : JsonNode.Parse(query["extensions"].ToString());
            }
            catch (JsonException)
            {
                // Left for the engine to refuse as it would without trusted documents.
            }

            var document = await FindTrustedAsync(http, DocumentIdOf(extensions?["persistedQuery"]?["sha256Hash"], query["documentId"].ToString()), hasQuery: !string.IsNullOrEmpty(query["query"]));
            if (document is null)
            {
                return false;
            }

            var parameters = query.Where(p => p.Key is not ("query" or "documentId" or "extensions")).ToDictionary(p => p.Key, p => p.Value);
            parameters["query"] = document;
            http.Request.QueryString = QueryString.Create(parameters);
            return true;
        }

        return string.IsNullOrEmpty(query["query"]) || await AdmitDocumentAsync(http, query["query"].ToString());
    }

    private async Task<bool> AdmitDocumentAsync(HttpContext http, string document)
    {
        switch (documents.Check(document))
        {
            case DocumentVerdict.TooManyTokens:
                await EdgeErrors.WriteRefusalAsync(http, "MAX_TOKENS_EXCEEDED", $"The document has more than {options.Value.MaxTokens} tokens, the limit of this gateway.");
                return false;
            case DocumentVerdict.AsksIntrospection:
                await EdgeErrors.WriteRefusalAsync(http, "INTROSPECTION_DISABLED", "GraphQL introspection has been disabled: the gateway runs in production mode.");
                return false;
            default:
                return true;
        }
    }

    /// <summary>The trusted document a request names, or null once the refusal is written.</summary>
    private async Task<string?> FindTrustedAsync(HttpContext http, string? id, bool hasQuery)
    {
        if (id is null)
        {
            await (hasQuery
                ? EdgeErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "PERSISTED_QUERY_ONLY",
                    $"Arbitrary queries are not accepted: {TrustedHint}. Send extensions.persistedQuery.sha256Hash (or documentId) instead of query.")
                : EdgeErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "PERSISTED_QUERY_ID_REQUIRED",
                    $"No document id in the request: {TrustedHint}. Send extensions.persistedQuery.sha256Hash (or documentId)."));
            return null;
        }

        var document = trusted.Find(id);
        if (document is null)
        {
            await EdgeErrors.WriteAsync(http, StatusCodes.Status404NotFound, "PERSISTED_QUERY_NOT_FOUND", $"Unknown persisted document '{id}': {TrustedHint}.");
        }

        return document;
    }

    /// <summary>extensions.persistedQuery.sha256Hash (Apollo's form), else documentId, with an optional "sha256:" prefix.</summary>
    private static string? DocumentIdOf(JsonNode? sha256Hash, JsonNode? documentId) =>
        DocumentIdOf(sha256Hash, documentId?.GetValueKind() == JsonValueKind.String ? documentId.GetValue<string>() : null);

    private static string? DocumentIdOf(JsonNode? sha256Hash, string? documentId)
    {
        if (sha256Hash?.GetValueKind() == JsonValueKind.String)
        {
            return sha256Hash.GetValue<string>();
        }

        return string.IsNullOrEmpty(documentId) ? null : documentId.StartsWith("sha256:", StringComparison.Ordinal) ? documentId[7..] : documentId;
    }

    private static bool RemoveNulls(JsonObject request, params string[] keys)
    {
        var removed = false;
        foreach (var key in keys)
        {
            if (request.TryGetPropertyValue(key, out var value) && value is null)
            {
                removed |= request.Remove(key);
            }
        }

        return removed;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase);
}
