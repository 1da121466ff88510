using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// The native gateway (the C# edge in front of Grafbase's engine) as a client meets it: one address for
/// data from all three subgraphs, Banana Cake Pop and readiness, and the edge's own refusals, each with
/// its code, status and correlation id, before the engine parses anything.
/// </summary>
public sealed class NativeGatewayTests(SupergraphFixture system) : IClassFixture<SupergraphFixture>
{
    [Fact]
    public async Task The_readme_query_gets_data_from_all_three_subgraphs()
    {
        var response = await system.Gateway.PostGraphQLAsync(
            "{ role(slug: \"api-first-developer\") { name tools { name } favouredPatterns { name describedBy { name } } termPerspectives { term { name } text } } }");

        var role = GraphQLAssert.Data(response)["role"]!;
        Assert.Null(response.Errors);
        Assert.Equal("API-First Developer", role["name"]!.GetValue<string>());
        Assert.NotEmpty(role["tools"]!.AsArray());
        Assert.Contains(role["favouredPatterns"]!.AsArray(), pattern => pattern!["describedBy"]!.AsArray().Count > 0);
        Assert.NotEmpty(role["termPerspectives"]!.AsArray());
    }

    [Fact]
    public async Task Readiness_and_liveness_answer_200()
    {
        using var readiness = await system.Gateway.GetAsync("/readiness");
        using var liveness = await system.Gateway.GetAsync("/healthcheck");

        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }

    [Fact]
    public async Task A_browser_gets_banana_cake_pop_with_telemetry_off()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var html = await system.Gateway.SendAsync(page);

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("<base href=\"/graphql/\"", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var config = JsonNode.Parse(await system.Gateway.GetStringAsync("/graphql/bcp-config.json"))!;
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
        using var favicon = await system.Gateway.GetAsync("/graphql/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
    }

    [Fact]
    public async Task A_body_over_100_kb_is_413_request_too_large()
    {
        var response = await system.Gateway.PostRawAsync("{\"query\": \"{ __typename }\", \"pad\": \"" + new string('x', 101 * 1024) + "\"}", MediaTypes.Json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", Code(response));
    }

    [Fact]
    public async Task A_document_over_1000_tokens_is_refused_with_its_code()
    {
        var response = await system.Gateway.PostGraphQLAsync("{" + string.Concat(Enumerable.Repeat(" __typename", 1001)) + " }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_TOKENS_EXCEEDED", Code(response));
        Assert.Null(response.Data);
    }

    [Theory]
    [InlineData("[{\"query\": \"{ __typename }\"}]")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("{\"query\": ")]
    public async Task A_body_that_is_not_one_request_object_is_400_invalid_json(string body)
    {
        var response = await system.Gateway.PostRawAsync(body, MediaTypes.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_JSON", Code(response));
    }

    [Fact]
    public async Task Null_extensions_variables_and_operation_name_are_absent_parameters()
    {
        var response = await system.Gateway.PostRawAsync("{\"query\": \"{ __typename }\", \"extensions\": null, \"variables\": null, \"operationName\": null}", MediaTypes.Json);

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_non_null_root_field_still_has_data_null()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ tools(first: -1) { nodes { name } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("\"data\":null", response.Body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("INVALID_PAGING_ARGUMENTS", Code(response));
    }

    [Fact]
    public async Task The_client_correlation_id_is_echoed_and_put_on_every_engine_error()
    {
        var response = await system.Gateway.PostGraphQLWithHeaderAsync("{ roles { nodes { nme } } nope }", "X-Correlation-Id", "edge-client-7");

        Assert.Equal("edge-client-7", response.CorrelationId);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors is { Count: 2 }, response.ToString());
        Assert.All(response.Errors, error => Assert.Equal("edge-client-7", error!["extensions"]?["correlationId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Introspection_answers_in_development()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal("Query", GraphQLAssert.Data(response)["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    private static string? Code(GraphQLResponse response) => response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>();
}

/// <summary>The native gateway in production: introspection is refused at the edge, data still answers.</summary>
public sealed class NativeGatewayProductionTests(ProductionSystem system) : IClassFixture<ProductionSystem>
{
    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("query { role(slug: \"backend-developer\") { name } ...F } fragment F on Query { __type(name: \"Role\") { name } }")]
    public async Task Introspection_is_refused_before_the_engine(string query)
    {
        var response = await system.Gateway.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Equal("INTROSPECTION_DISABLED", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Data_and_typename_still_answer()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __typename role(slug: \"backend-developer\") { name } }");

        Assert.Equal("Backend Developer", GraphQLAssert.Data(response)["role"]!["name"]!.GetValue<string>());
    }
}
