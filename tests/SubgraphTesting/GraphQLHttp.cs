using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SubgraphKit.Identity;
using Xunit;

namespace SubgraphTesting;

/// <summary>The media types of GraphQL over HTTP, as tests send and expect them.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
}

/// <summary>A GraphQL response as the client saw it: status, headers and the raw body.</summary>
public sealed class GraphQLResponse(HttpResponseMessage message, string body)
{
    private JsonNode? _json;

    public HttpStatusCode Status { get; } = message.StatusCode;

    public string? MediaType { get; } = message.Content.Headers.ContentType?.MediaType;

    public string? CharSet { get; } = message.Content.Headers.ContentType?.CharSet;

    public HttpResponseHeaders Headers { get; } = message.Headers;

    public HttpContentHeaders ContentHeaders { get; } = message.Content.Headers;

    public string Body { get; } = body;

    public JsonNode Json => _json ??= JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public JsonNode? Data => Json["data"];

    public JsonArray? Errors => Json["errors"] as JsonArray;

    /// <summary>The X-Correlation-Id response header, if any.</summary>
    public string? CorrelationId => Headers.TryGetValues("X-Correlation-Id", out var values) ? values.Single() : null;

    public override string ToString() => $"{(int)Status} {MediaType}: {Body}";
}

/// <summary>Sends GraphQL requests the way a gateway or a browser would.</summary>
public static class GraphQLHttpClientExtensions
{
    public const string Endpoint = "/graphql";

    /// <summary>The subgraph SDL as composition reads it: <c>{ _service { sdl } }</c>, asserted non-empty.</summary>
    public static async Task<string> SubgraphSdlAsync(this HttpClient client)
    {
        var response = await client.PostGraphQLAsync("{ _service { sdl } }");
        var sdl = GraphQLAssert.Data(response)["_service"]?["sdl"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(sdl), response.ToString());
        return sdl;
    }

    /// <summary>POSTs <c>{"query", "variables"}</c> as application/json.</summary>
    public static Task<GraphQLResponse> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string? accept = MediaTypes.GraphQLResponse)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        return client.PostRawAsync(body.ToJsonString(), MediaTypes.Json, accept);
    }

    /// <summary>POSTs <c>{"query"}</c> with one extra request header, such as X-Correlation-Id or traceparent.</summary>
    public static Task<GraphQLResponse> PostGraphQLWithHeaderAsync(this HttpClient client, string query, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, MediaTypes.Json),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        return client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);
    }

    /// <summary>POSTs a body exactly as given; a null content type sends no Content-Type header.</summary>
    public static Task<GraphQLResponse> PostRawAsync(this HttpClient client, string body, string? contentType, string? accept = MediaTypes.GraphQLResponse)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content }, accept);
    }

    /// <summary>GETs a query, with variables given as the JSON text the query string carries.</summary>
    public static Task<GraphQLResponse> GetGraphQLAsync(
        this HttpClient client, string query, string? variablesJson = null, string? accept = MediaTypes.GraphQLResponse)
    {
        var uri = Endpoint + "?query=" + Uri.EscapeDataString(query);
        if (variablesJson is not null)
        {
            uri += "&variables=" + Uri.EscapeDataString(variablesJson);
        }

        return client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, uri), accept);
    }

    /// <summary>Sends a request with one Accept header value (none when null) and reads the whole body.</summary>
    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request, string? accept)
    {
        using (request)
        {
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new GraphQLResponse(response, body);
        }
    }
}

/// <summary>Assertions on the shape GraphQL over HTTP gives responses.</summary>
public static class GraphQLAssert
{
    /// <summary>A successful execution: 200, no errors; returns <c>data</c>.</summary>
    public static JsonNode Data(GraphQLResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"Expected 200, got {response}");
        Assert.True(response.Errors is null, $"Expected no errors, got {response.Body}");
        return response.Data ?? throw new Xunit.Sdk.XunitException($"No data in {response.Body}");
    }

    /// <summary>
    /// An error response: the status, the media type, and the body <c>{"errors":[{"message", "extensions":{"code"}}]}</c>
    /// whose first error has <paramref name="code"/>, with no stack trace in it.
    /// </summary>
    public static JsonObject Error(GraphQLResponse response, HttpStatusCode status, string code, string mediaType = MediaTypes.Json)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {response}");
        Assert.Equal(mediaType, response.MediaType);
        NoStackTrace(response);
        var errors = Assert.IsType<JsonArray>(response.Json["errors"], exactMatch: false);
        Assert.NotEmpty(errors);
        var error = Assert.IsType<JsonObject>(errors[0], exactMatch: false);
        var message = error["message"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message), $"The error has no message: {response.Body}");
        Assert.Equal(code, error["extensions"]?["code"]?.GetValue<string>());
        return error;
    }

    /// <summary>Production bodies never carry .NET stack frames ("   at Namespace.Type.Method(...)").</summary>
    public static void NoStackTrace(GraphQLResponse response)
    {
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("stacktrace", response.Body, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Federation <c>_entities</c> requests: representations of global ids, as the gateway sends them.</summary>
public static class Entities
{
    /// <summary>An <c>_entities</c> query that selects <paramref name="selection"/> on <paramref name="typeName"/>.</summary>
    public static string QueryFor(string typeName, string selection = "id slug") => $$"""
        query Entities($representations: [_Any!]!) {
          _entities(representations: $representations) { __typename ... on {{typeName}} { {{selection}} } }
        }
        """;

    /// <summary>The representation the gateway sends for an entity: its type name and global id.</summary>
    public static Dictionary<string, string> Representation(string typeName, string id) =>
        new() { ["__typename"] = typeName, ["id"] = id };

    public static Dictionary<string, string> RepresentationOf(string typeName, string slug) =>
        Representation(typeName, GlobalId.Encode(typeName, slug));

    public static object Variables(IEnumerable<Dictionary<string, string>> representations) =>
        new { representations = representations.ToArray() };
}

/// <summary>
/// A cycle of list fields in a subgraph's schema (roles → tools → roles …), from which tests build
/// queries of any depth without knowing more of the schema. The root is a connection, entered
/// through its <c>nodes</c> (or <c>edges { node }</c>), which counts as one more level.
/// </summary>
public sealed record ListCycle(string Root, params string[] Repeat)
{
    /// <summary>
    /// A query <paramref name="depth"/> lists deep (plus the connection): the root's nodes, nested lists, and
    /// <c>__typename</c> last. <paramref name="rootArguments"/>, such as <c>first: 50</c>, go to the root.
    /// </summary>
    public string Nested(int depth, string? rootArguments = null) =>
        Query(depth, RootField(rootArguments) + " { nodes");

    /// <summary>As <see cref="Nested"/>, with the root's <c>totalCount</c>, entered through <c>edges { node }</c>.</summary>
    public string NestedWithCount(int depth, string rootArguments) =>
        Query(depth, RootField(rootArguments) + " { totalCount edges { node", extraClosing: 1);

    private string RootField(string? arguments) => arguments is null ? Root : $"{Root}({arguments})";

    private string Query(int depth, string root, int extraClosing = 0)
    {
        var fields = Enumerable.Range(0, depth - 1).Select(level => level == 0 ? root : Repeat[(level - 1) % Repeat.Length]).ToList();
        return "{ " + string.Concat(fields.Select(field => field + " { ")) + "__typename"
            + string.Concat(Enumerable.Repeat(" }", fields.Count + 1 + extraClosing)) + " }";
    }
}
