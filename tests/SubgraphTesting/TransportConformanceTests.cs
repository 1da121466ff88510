using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Text;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// The GraphQL-over-HTTP behaviour of SubgraphKit's endpoint
/// (https://graphql.github.io/graphql-over-http/draft/). Every subgraph test project derives one
/// empty class from this, so the same transport contract is checked against every subgraph.
/// Only the schema-independent parts of GraphQL (<c>__typename</c>, <c>@include</c>) are queried, and the
/// subgraph runs in production mode, where introspection (<c>__type</c>) is refused.
/// </summary>
public abstract class TransportConformanceTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    private const string TypenameQuery = "{ __typename }";

    private const string IncludedTypenameQuery = "query Typename($include: Boolean!) { __typename @include(if: $include) }";

    /// <summary>Well over the kit's 100 KB default limit (GraphQLHttpOptions.MaxRequestBodyBytes).</summary>
    private const int OversizedBodyBytes = 120 * 1024;

    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task Post_of_a_valid_query_returns_200_with_data()
    {
        var response = await Client.PostGraphQLAsync(TypenameQuery);

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]?.GetValue<string>());
        Assert.Equal(MediaTypes.GraphQLResponse, response.MediaType);
        Assert.Equal("utf-8", response.CharSet);
    }

    [Theory]
    [InlineData(MediaTypes.GraphQLResponse, MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json, MediaTypes.Json)]
    [InlineData("*/*", MediaTypes.GraphQLResponse)]
    [InlineData("application/*", MediaTypes.GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", MediaTypes.Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", MediaTypes.GraphQLResponse)]
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

    [Fact]
    public async Task Malformed_json_body_is_400_invalid_json()
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"", MediaTypes.Json);

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

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_with_a_non_json_content_type_is_415(string contentType)
    {
        var response = await Client.PostRawAsync("{\"query\": \"{ __typename }\"}", contentType);

        GraphQLAssert.Error(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", MediaTypes.GraphQLResponse);
    }

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
    public async Task Unknown_field_with_graphql_response_json_is_400_fields_on_correct_type()
    {
        var response = await Client.PostGraphQLAsync("{ noSuchField }", accept: MediaTypes.GraphQLResponse);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE", MediaTypes.GraphQLResponse);
        Assert.Null(response.Json["data"]);
    }

    [Fact]
    public async Task Unknown_field_with_application_json_is_200_with_errors()
    {
        var response = await Client.PostGraphQLAsync("{ noSuchField }", accept: MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.OK, "FIELDS_ON_CORRECT_TYPE", MediaTypes.Json);
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
        var content = new ChunkedContent(OversizedBody());
        content.Headers.ContentType = new(MediaTypes.Json);
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttpClientExtensions.Endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);

        GraphQLAssert.Error(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Chunked_body_under_the_limit_is_accepted()
    {
        var content = new ChunkedContent(Encoding.UTF8.GetBytes("{\"query\": \"{ __typename }\"}"));
        content.Headers.ContentType = new(MediaTypes.Json);
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttpClientExtensions.Endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);

        GraphQLAssert.Data(response);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html, application/xhtml+xml")]
    [InlineData("application/json;q=0")]
    public async Task Accept_without_a_json_type_is_406(string accept)
    {
        var post = await Client.PostGraphQLAsync(TypenameQuery, accept: accept);
        var get = await Client.GetGraphQLAsync(TypenameQuery, accept: accept);

        GraphQLAssert.Error(post, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
        GraphQLAssert.Error(get, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
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

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_database_is_the_factory_s_own_temporary_file()
    {
        Assert.True(File.Exists(factory.DatabasePath), $"{factory.DatabasePath} should have been created by the migrations.");
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_and_connections_wait_for_a_busy_writer()
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(SubgraphKit.Data.SqliteConnectionSettings.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await PragmaAsync(db, "busy_timeout"));
    }

    private static async Task<string?> PragmaAsync(DbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static string[] AllowedMethods(GraphQLResponse response) =>
        [.. response.ContentHeaders.Allow.Select(method => method.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal)];

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
