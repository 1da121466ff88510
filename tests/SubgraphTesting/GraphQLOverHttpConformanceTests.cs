using System.Net;
using System.Text;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// The GraphQL-over-HTTP contract (https://graphql.github.io/graphql-over-http/draft/) that every
/// subgraph and the gateway keep alike: the same statuses, media types and error codes for the same
/// request, so a client (or the gateway, as a subgraph's client) handles them all one way. Each test
/// names the rule it checks. <see cref="TransportConformanceTests{TProgram}"/> runs it against every
/// subgraph, Supergraph.Tests' GatewayTransportConformanceTests against the gateway. Only the
/// schema-independent parts of GraphQL (<c>__typename</c>, <c>@include</c>) are queried, and the
/// system runs in production mode, where introspection (<c>__type</c>) is refused.
/// </summary>
public abstract class GraphQLOverHttpConformanceTests
{
    private const string TypenameQuery = "{ __typename }";

    private const string IncludedTypenameQuery = "query Typename($include: Boolean!) { __typename @include(if: $include) }";

    private const string QueryAndMutation = "query Read { read: __typename } mutation Write { write: __typename }";

    /// <summary>Well over the 100 KB default limit of both (GraphQLHttpOptions.MaxRequestBodyBytes, GATEWAY_MAX_BODY_BYTES).</summary>
    private const int OversizedBodyBytes = 120 * 1024;

    protected abstract HttpClient Client { get; }

    /// <summary>The code of a validation error for a field the type does not have: each GraphQL engine names it its own way.</summary>
    protected abstract string UnknownFieldCode { get; }

    [Fact]
    public async Task Post_of_a_valid_query_returns_200_with_data_in_utf_8()
    {
        var response = await Client.PostGraphQLAsync(TypenameQuery);

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]?.GetValue<string>());
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
        Assert.Equal("utf-8", response.CharSet);
    }

    /// <summary>§Accept: the highest-priority (q) type listed that the server supports; wildcards get the spec's own type.</summary>
    [Theory]
    [InlineData(MediaTypes.GraphQLResponse, MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json, MediaTypes.Json)]
    [InlineData("*/*", MediaTypes.GraphQLResponse)]
    [InlineData("application/*", MediaTypes.GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", MediaTypes.Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", MediaTypes.GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", MediaTypes.Json)]
    [InlineData("text/html, application/json;q=0.8", MediaTypes.Json)]
    public async Task Response_media_type_follows_the_accept_header(string accept, string expected)
    {
        var response = await Client.PostGraphQLAsync(TypenameQuery, accept: accept);

        GraphQLAssert.Data(response);
        Assert.Equal(expected, response.MediaType);
    }

    /// <summary>
    /// Legacy watershed: before 2025-01-01 a missing Accept header SHOULD mean application/json; from
    /// then on it SHOULD mean application/graphql-response+json.
    /// </summary>
    [Fact]
    public async Task Request_without_accept_header_gets_graphql_response_json()
    {
        var response = await Client.PostGraphQLAsync(TypenameQuery, accept: null);

        GraphQLAssert.Data(response);
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
    }

    /// <summary>§Accept: no supported type listed SHOULD be 406 (rather than ignoring Accept).</summary>
    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("application/json;q=0")]
    public async Task Post_accepting_no_json_type_is_406(string accept)
    {
        var response = await Client.PostGraphQLAsync(TypenameQuery, accept: accept);

        GraphQLAssert.Error(response, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json;q=0")]
    public Task Get_accepting_no_json_type_is_406(string accept) => AssertGetIsNotAcceptableAsync(accept);

    /// <summary>§Status codes: a body that is not JSON is not a well-formed request, so 400 under both media types.</summary>
    [Theory]
    [InlineData(MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json)]
    public async Task Malformed_json_body_is_400_invalid_json(string accept)
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"", MediaTypes.Json, accept);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "INVALID_JSON", accept);
    }

    /// <summary>§Request parameters: a JSON object whose query is a string, operationName a string, variables and extensions objects; no batches.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": {\"kind\": \"Document\"}}")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 1}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"oops\"}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": \"oops\"}")]
    public async Task Body_that_is_not_a_graphql_request_object_is_400_invalid_json(string body)
    {
        var response = await Client.PostRawAsync(body, MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "INVALID_JSON", MediaTypes.GraphQLResponse);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("{\"query\": null}")]
    public async Task Body_without_a_query_is_400_query_missing(string body)
    {
        var response = await Client.PostRawAsync(body, MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "QUERY_MISSING", MediaTypes.GraphQLResponse);
    }

    /// <summary>§Status codes, application/json: 200 is for well-formed requests only; one without a query is 400 there too.</summary>
    [Fact]
    public async Task Request_without_a_query_is_400_under_application_json_too()
    {
        var post = await Client.PostRawAsync("{}", MediaTypes.Json, MediaTypes.Json);
        var get = await Client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, GraphQLHttpClientExtensions.Endpoint), MediaTypes.Json);

        GraphQLAssert.Error(post, HttpStatusCode.BadRequest, "QUERY_MISSING", MediaTypes.Json);
        GraphQLAssert.Error(get, HttpStatusCode.BadRequest, "QUERY_MISSING", MediaTypes.Json);
    }

    /// <summary>§POST: application/json MUST be supported; we support nothing else (a form post would be a CORS-free cross-site request).</summary>
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(MediaTypes.GraphQLResponse)]
    public async Task Post_with_a_non_json_content_type_is_415(string contentType)
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"}", contentType);

        GraphQLAssert.Error(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", MediaTypes.GraphQLResponse);
    }

    /// <summary>§POST: a request without Content-Type SHOULD be rejected with a 4xx.</summary>
    [Fact]
    public async Task Post_without_content_type_is_415()
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"}", contentType: null);

        GraphQLAssert.Error(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Post_with_json_content_type_and_charset_is_accepted()
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"}", "application/json; charset=utf-8");

        GraphQLAssert.Data(response);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_an_allow_header(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), GraphQLHttpClientExtensions.Endpoint)
        {
            Content = new StringContent("{\"query\": \"{ __typename }\"}", Encoding.UTF8, MediaTypes.Json),
        };

        var response = await Client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);

        // The method is refused before the Accept header is negotiated, so the body is plain application/json.
        GraphQLAssert.Error(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED", MediaTypes.Json);
        Assert.Equal(["GET", "POST"], AllowedMethods(response));
    }

    /// <summary>§GET: a mutation over GET MUST be refused with 405 and not executed.</summary>
    [Theory]
    [InlineData(MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json)]
    public async Task Mutation_over_get_is_405_and_not_executed(string accept)
    {
        var response = await Client.GetGraphQLAsync("mutation { __typename }", accept: accept);

        GraphQLAssert.Error(response, HttpStatusCode.MethodNotAllowed, "OPERATION_NOT_ALLOWED_OVER_GET", accept);
        Assert.Null(response.Data);
    }

    /// <summary>RFC 9110 §15.5.6: a 405 response MUST carry Allow, listing what the resource accepts (here: POST).</summary>
    [Fact]
    public async Task Mutation_over_get_names_post_in_the_allow_header()
    {
        var response = await Client.GetGraphQLAsync("mutation { __typename }");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Contains("POST", AllowedMethods(response));
    }

    /// <summary>§GET: operationName decides which operation of the document is the one run over GET.</summary>
    [Fact]
    public async Task Get_runs_the_query_operation_name_selects_and_refuses_the_mutation_it_selects()
    {
        var read = await Client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, GetUri(QueryAndMutation, "Read")), MediaTypes.GraphQLResponse);
        var write = await Client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, GetUri(QueryAndMutation, "Write")), MediaTypes.GraphQLResponse);

        Assert.Equal("Query", GraphQLAssert.Data(read)["read"]?.GetValue<string>());
        GraphQLAssert.Error(write, HttpStatusCode.MethodNotAllowed, "OPERATION_NOT_ALLOWED_OVER_GET", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Post_runs_the_operation_operation_name_selects()
    {
        var response = await Client.PostRawAsync("""{"query": "query A { a: __typename } query B { b: __typename }", "operationName": "B"}""", MediaTypes.Json);

        var data = GraphQLAssert.Data(response);
        Assert.Equal("Query", data["b"]?.GetValue<string>());
        Assert.Null(data["a"]);
    }

    [Fact]
    public async Task Get_of_a_query_returns_200_with_data()
    {
        var response = await Client.GetGraphQLAsync(TypenameQuery);

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]?.GetValue<string>());
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
    }

    [Fact]
    public async Task Get_with_variables_as_a_json_string_returns_200_with_data()
    {
        var response = await Client.GetGraphQLAsync(IncludedTypenameQuery, """{"include":true}""");

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]?.GetValue<string>());
    }

    /// <summary>§Request parameters: extensions is an object the server may use or ignore, over POST and GET.</summary>
    [Fact]
    public async Task Extensions_object_is_accepted_over_post_and_get()
    {
        var post = await Client.PostRawAsync("""{"query": "{ __typename }", "extensions": {"client": "tests"}}""", MediaTypes.Json);
        var get = await Client.SendGraphQLAsync(
            new HttpRequestMessage(HttpMethod.Get, GetUri(TypenameQuery) + "&extensions=" + Uri.EscapeDataString("""{"client":"tests"}""")), MediaTypes.GraphQLResponse);

        GraphQLAssert.Data(post);
        GraphQLAssert.Data(get);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task Get_with_malformed_variables_is_400(string variables)
    {
        var response = await Client.GetGraphQLAsync(IncludedTypenameQuery, variables);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "INVALID_REQUEST", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Get_without_a_query_is_400_query_missing()
    {
        var response = await Client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, GraphQLHttpClientExtensions.Endpoint), MediaTypes.GraphQLResponse);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "QUERY_MISSING", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Unknown_field_with_graphql_response_json_is_400()
    {
        var response = await Client.PostGraphQLAsync("{ noSuchField }", accept: MediaTypes.GraphQLResponse);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, UnknownFieldCode, MediaTypes.GraphQLResponse);
        Assert.Null(response.Json["data"]);
    }

    [Fact]
    public async Task Unknown_field_with_application_json_is_200_with_errors()
    {
        var response = await Client.PostGraphQLAsync("{ noSuchField }", accept: MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.OK, UnknownFieldCode, MediaTypes.Json);
    }

    [Fact]
    public async Task Syntax_error_with_graphql_response_json_is_400()
    {
        var response = await Client.PostGraphQLAsync("{ __typename", accept: MediaTypes.GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
        Assert.NotEmpty(response.Errors ?? []);
        GraphQLAssert.NoStackTrace(response);
    }

    /// <summary>Well-formed requests that fail before execution: the operation cannot be chosen, variables do not coerce, no subscriptions.</summary>
    public static TheoryData<string> RequestsThatNeverExecute() =>
    [
        """{"query": "query A { __typename } query B { __typename }"}""",
        """{"query": "query A { __typename }", "operationName": "Z"}""",
        """{"query": "query Q($include: Boolean!) { __typename @include(if: $include) }", "variables": {"include": "nope"}}""",
        """{"query": "query Q($include: Boolean!) { __typename @include(if: $include) }"}""",
        """{"query": "subscription { __typename }"}""",
    ];

    /// <summary>§application/graphql-response+json: a response without data MUST be 4xx or 5xx; for request errors, 400.</summary>
    [Theory]
    [MemberData(nameof(RequestsThatNeverExecute))]
    public async Task Request_error_with_graphql_response_json_is_400_without_data(string body)
    {
        var response = await Client.PostRawAsync(body, MediaTypes.Json, MediaTypes.GraphQLResponse);

        AssertRequestError(response, HttpStatusCode.BadRequest, MediaTypes.GraphQLResponse);
    }

    /// <summary>§application/json: a well-formed request SHOULD get 200, whatever GraphQL errors it raises.</summary>
    [Theory]
    [MemberData(nameof(RequestsThatNeverExecute))]
    public async Task Request_error_with_application_json_is_200_without_data(string body)
    {
        var response = await Client.PostRawAsync(body, MediaTypes.Json, MediaTypes.Json);

        AssertRequestError(response, HttpStatusCode.OK, MediaTypes.Json);
    }

    [Fact]
    public async Task Oversized_body_with_content_length_is_413()
    {
        var content = new ByteArrayContent(OversizedBody());
        content.Headers.ContentType = new(MediaTypes.Json);
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttpClientExtensions.Endpoint) { Content = content };

        var response = await Client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);

        GraphQLAssert.Error(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Oversized_chunked_body_is_413()
    {
        var response = await SendChunkedAsync(OversizedBody());

        GraphQLAssert.Error(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Chunked_body_under_the_limit_is_accepted()
    {
        var response = await SendChunkedAsync(Encoding.UTF8.GetBytes("{\"query\": \"{ __typename }\"}"));

        GraphQLAssert.Data(response);
    }

    [Fact]
    public async Task No_error_response_carries_a_stack_trace()
    {
        var responses = new[]
        {
            await Client.PostRawAsync("{\"query\": ", MediaTypes.Json),
            await Client.PostRawAsync("{\"query\": 42}", MediaTypes.Json),
            await Client.PostRawAsync("[]", MediaTypes.Json),
            await Client.PostRawAsync("{\"query\": \"{ __typename }\", \"variables\": \"oops\"}", MediaTypes.Json),
            await Client.PostGraphQLAsync("query Q($x: Int!) { __typename }", new { x = "not an int" }),
            await Client.PostGraphQLAsync("{ __type(name: 42) { name } }"),
            await Client.PostGraphQLAsync("subscription { __typename }"),
            await Client.GetGraphQLAsync("{ __typename }", "{\"a\":"),
            await Client.PostGraphQLAsync("{ noSuchField }", accept: MediaTypes.Json),
        };

        Assert.All(responses, response =>
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
            Assert.NotEmpty(response.Errors ?? []);
            GraphQLAssert.NoStackTrace(response);
        });
    }

    protected async Task AssertGetIsNotAcceptableAsync(string accept)
    {
        var response = await Client.GetGraphQLAsync(TypenameQuery, accept: accept);

        GraphQLAssert.Error(response, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
    }

    private static string[] AllowedMethods(GraphQLResponse response) =>
        [.. response.ContentHeaders.Allow.Select(method => method.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal)];

    private static string GetUri(string query, string? operationName = null) =>
        GraphQLHttpClientExtensions.Endpoint + "?query=" + Uri.EscapeDataString(query)
        + (operationName is null ? string.Empty : "&operationName=" + Uri.EscapeDataString(operationName));

    /// <summary>No data at all (not even null), and errors that each carry a message and a code.</summary>
    private static void AssertRequestError(GraphQLResponse response, HttpStatusCode status, string mediaType)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {response}");
        Assert.Equal(mediaType, response.MediaType);
        Assert.False(response.Json.AsObject().ContainsKey("data"), response.Body);
        Assert.All(response.Errors ?? [], error => Assert.False(string.IsNullOrEmpty(error?["extensions"]?["code"]?.GetValue<string>()), response.Body));
        Assert.NotEmpty(response.Errors ?? []);
        GraphQLAssert.NoStackTrace(response);
    }

    private Task<GraphQLResponse> SendChunkedAsync(byte[] body)
    {
        var content = new ChunkedContent(body);
        content.Headers.ContentType = new(MediaTypes.Json);
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttpClientExtensions.Endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return Client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);
    }

    private static byte[] OversizedBody()
    {
        var padding = new string('x', OversizedBodyBytes);
        return Encoding.UTF8.GetBytes($$$"""{"query": "{ __typename }", "variables": {"padding": "{{{padding}}}"}}""");
    }

    /// <summary>A body of unknown length, so it is sent chunked, without Content-Length.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            const int chunk = 8 * 1024;
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
