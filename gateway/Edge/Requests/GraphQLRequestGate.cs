using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Engine;
using Edge.Introspection;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using SubgraphKit.Http;
using SubgraphKit.Telemetry;

namespace Edge.Requests;

/// <summary>
/// What happens to a request at /graphql before the engine sees it, so that the gateway keeps the same
/// GraphQL-over-HTTP contract as the subgraphs (<see cref="GraphQLHttpRefusal"/>): the correlation id is
/// settled; the method (405), Accept (406), Content-Type (415), body size (413), JSON shape (400) and input
/// depth are checked; a trusted document replaces its id (in trusted-documents-only mode nothing else runs); the document's tokens are counted, a GET may only
/// run a query and, in production, introspection is refused. An operation of introspection alone is answered
/// from the contract (<see cref="ContractIntrospection"/>); parsing, validation, limits and execution of the
/// rest are the engine's.
/// </summary>
public sealed class GraphQLRequestGate(EngineForwarder engine, DocumentChecks documents, TrustedDocuments trusted, ContractIntrospection introspection, IOptions<EdgeOptions> options)
{
    /// <summary>Set on a request whose operation selects only introspection: the edge answers it itself.</summary>
    private static readonly object IntrospectionOnly = new();

    private const string TrustedHint = "this gateway runs only the trusted documents of schema/operations/, by id";

    private static readonly string[] RequestParameters = ["query", "operationName", "variables", "extensions"];

    public async Task HandleAsync(HttpContext http)
    {
        CorrelationId.Establish(http);

        // A CORS preflight is the engine's ([cors] in grafbase.toml).
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            await engine.ForwardAsync(http);
            return;
        }

        var refusal = GraphQLHttpRefusal.CheckMethodAndAccept(http, out var mediaType)
            ?? (HttpMethods.IsGet(http.Request.Method) ? AdmitGet(http, mediaType) : await AdmitPostAsync(http, mediaType));
        if (refusal is null)
        {
            await (http.Items.ContainsKey(IntrospectionOnly) ? introspection.AnswerAsync(http, mediaType) : engine.ForwardAsync(http));
            return;
        }

        if (refusal.Code == GraphQLHttpRefusal.OperationNotAllowedOverGetCode)
        {
            http.Response.Headers.Allow = "POST";
        }

        await EdgeErrors.WriteAsync(http, refusal, mediaType);
    }

    private async Task<GraphQLHttpRefusal?> AdmitPostAsync(HttpContext http, string mediaType)
    {
        if (GraphQLHttpRefusal.CheckContentType(http.Request) is { } unsupported)
        {
            return unsupported;
        }

        var limit = options.Value.MaxRequestBodyBytes;
        var body = await LimitedRequestBody.ReadAsync(http.Request, limit);
        if (body is null)
        {
            return GraphQLHttpRefusal.TooLarge(limit);
        }

        if (GraphQLHttpRefusal.CheckInputDepth(body, options.Value.MaxInputDepth) is { } tooDeep)
        {
            return tooDeep;
        }

        JsonObject request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException ex)
        {
            return GraphQLHttpRefusal.InvalidJson(ex);
        }

        if (!HasRequestShape(request, out var query, out var operationName))
        {
            return GraphQLHttpRefusal.InvalidJson();
        }

        // The spec lets a client send null for an absent parameter; the engine refuses a null 'extensions'.
        var changed = RemoveNulls(request);
        var (document, refusal) = DocumentById(DocumentIdOf(request["extensions"]?["persistedQuery"]?["sha256Hash"], request["documentId"]), hasQuery: query is not null);
        if (refusal is not null)
        {
            return refusal;
        }

        if (document is not null)
        {
            request["query"] = query = document;
            request.Remove("documentId");
            (request["extensions"] as JsonObject)?.Remove("persistedQuery");
            changed = true;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return GraphQLHttpRefusal.QueryMissing();
        }

        if (AdmitDocument(http, query, operationName, overGet: false, mediaType) is { } refused)
        {
            return refused;
        }

        // The engine reads the buffered body as it came, or the request as the edge rewrote it.
        if (changed)
        {
            body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request));
        }

        body.Position = 0;
        http.Request.Body = body;
        http.Request.ContentLength = body.Length;
        return null;
    }

    private GraphQLHttpRefusal? AdmitGet(HttpContext http, string mediaType)
    {
        var query = http.Request.Query;
        if (GraphQLHttpRefusal.CheckInputDepth(query, options.Value.MaxInputDepth) is { } tooDeep)
        {
            return tooDeep;
        }

        JsonNode? extensions;
        try
        {
            extensions = ObjectParameter(query["extensions"]);
            _ = ObjectParameter(query["variables"]);
        }
        catch (JsonException)
        {
            return GraphQLHttpRefusal.InvalidGetParameters();
        }

        string? document = query["query"];
        string? operationName = query["operationName"];
        var (found, refusal) = DocumentById(DocumentIdOf(extensions?["persistedQuery"]?["sha256Hash"], query["documentId"].ToString()), hasQuery: !string.IsNullOrEmpty(document));
        if (refusal is not null)
        {
            return refusal;
        }

        document = found ?? document;

        if (string.IsNullOrWhiteSpace(document))
        {
            return GraphQLHttpRefusal.QueryMissing();
        }

        if (AdmitDocument(http, document, operationName, overGet: true, mediaType) is { } refused)
        {
            return refused;
        }

        if (found is not null)
        {
            var parameters = query.Where(p => p.Key is not ("query" or "documentId" or "extensions")).ToDictionary(p => p.Key, p => p.Value);
            parameters["query"] = document;
            http.Request.QueryString = QueryString.Create(parameters);
        }

        return null;
    }

    private GraphQLHttpRefusal? AdmitDocument(HttpContext http, string document, string? operationName, bool overGet, string mediaType)
    {
        var facts = documents.Check(document);

        // Refused like a validation error: 400 under application/graphql-response+json, 200 under application/json.
        if (facts.Refusal is { } refusal)
        {
            return new(mediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, refusal.Code, refusal.Message);
        }

        if (overGet && facts.TypeOf(operationName) is { } type && type != OperationType.Query)
        {
            return GraphQLHttpRefusal.OperationNotAllowedOverGet(type.ToString().ToLowerInvariant());
        }

        OperationMetrics.Tag(http, operationName ?? (facts.Operations.Count == 1 ? facts.Operations[0].Name : null));
        // The engine may have run a mutation before a connection dropped: only the client may send it again.
        if (facts.TypeOf(operationName) == OperationType.Mutation)
        {
            EngineForwarder.NeverResend(http);
        }

        if (facts.IsIntrospectionOnly(operationName))
        {
            http.Items[IntrospectionOnly] = true;
        }

        return null;
    }

    /// <summary>
    /// The trusted document a request names by id, or why it cannot run; neither when it runs its own text,
    /// which only trusted-documents-only mode forbids.
    /// </summary>
    private (string? Document, GraphQLHttpRefusal? Refusal) DocumentById(string? id, bool hasQuery)
    {
        if (!trusted.Enabled && (id is null || hasQuery))
        {
            return (null, null);
        }

        if (id is null)
        {
            return (null, hasQuery
                ? new(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_ONLY",
                    $"Arbitrary queries are not accepted: {TrustedHint}. Send extensions.persistedQuery.sha256Hash (or documentId) instead of query.")
                : new(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_ID_REQUIRED",
                    $"No document id in the request: {TrustedHint}. Send extensions.persistedQuery.sha256Hash (or documentId)."));
        }

        return trusted.Find(id) is { } document
            ? (document, null)
            : (null, new(StatusCodes.Status404NotFound, "PERSISTED_QUERY_NOT_FOUND",
                $"Unknown persisted document '{id}': {(trusted.Enabled ? TrustedHint : "the gateway knows the ids of the typed client's persisted-documents.json; send the document as query instead")}."));
    }

    /// <summary>extensions.persistedQuery.sha256Hash (Apollo's form), else documentId (GraphQL over HTTP's, "sha256:" and the hex).</summary>
    private static string? DocumentIdOf(JsonNode? sha256Hash, JsonNode? documentId) =>
        DocumentIdOf(sha256Hash, documentId?.GetValueKind() == JsonValueKind.String ? documentId.GetValue<string>() : null);

    private static string? DocumentIdOf(JsonNode? sha256Hash, string? documentId)
    {
        if (sha256Hash?.GetValueKind() == JsonValueKind.String)
        {
            return sha256Hash.GetValue<string>();
        }

        return string.IsNullOrEmpty(documentId) ? null : documentId;
    }

    /// <summary>
    /// §Request parameters: query and operationName are strings, variables and extensions objects, each
    /// possibly null. A query string must be Unicode text: JSON can escape a lone surrogate, GraphQL cannot.
    /// </summary>
    private static bool HasRequestShape(JsonObject request, out string? query, out string? operationName)
    {
        query = operationName = null;
        try
        {
            query = request["query"] is { } q ? q.GetValueKind() == JsonValueKind.String ? q.GetValue<string>() : null : null;
            operationName = request["operationName"] is { } o && o.GetValueKind() == JsonValueKind.String ? o.GetValue<string>() : null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return KindIs(request["query"], JsonValueKind.String) && KindIs(request["operationName"], JsonValueKind.String)
            && KindIs(request["variables"], JsonValueKind.Object) && KindIs(request["extensions"], JsonValueKind.Object);

        static bool KindIs(JsonNode? node, JsonValueKind kind) => node is null || node.GetValueKind() == kind;
    }

    private static bool RemoveNulls(JsonObject request)
    {
        var removed = false;
        foreach (var key in RequestParameters)
        {
            if (request.TryGetPropertyValue(key, out var value) && value is null)
            {
                removed |= request.Remove(key);
            }
        }

        return removed;
    }

    /// <summary>A GET parameter that must be a JSON object when present; throws JsonException otherwise.</summary>
    private static JsonObject? ObjectParameter(string? value) =>
        string.IsNullOrEmpty(value) ? null : JsonNode.Parse(value) as JsonObject ?? throw new JsonException("not an object");
}
