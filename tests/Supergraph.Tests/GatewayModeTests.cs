using System.Net;
using System.Text.Json;

namespace Supergraph.Tests;

/// <summary>The gateway in GRAPH_MODE=development: introspection (for Banana Cake Pop) and suggestions on.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class GatewayDevelopmentModeTests(SupergraphFixture system)
{
    [Fact]
    public async Task Introspection_answers_at_the_gateway()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal("Query", GraphQLAssert.Data(response)["__schema"]?["queryType"]?["name"]?.GetValue<string>());
    }

    /// <summary>Over GET, operationName chooses among introspection operations answered from the contract too.</summary>
    [Fact]
    public async Task Get_of_an_introspection_operation_that_operation_name_selects_is_answered()
    {
        var query = Uri.EscapeDataString("query A { __type(name: \"Role\") { name } } query B { __schema { queryType { name } } }");

        var response = await system.Gateway.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, $"{GraphQLHttpClientExtensions.Endpoint}?query={query}&operationName=B"), MediaTypes.GraphQLResponse);

        Assert.Equal("Query", GraphQLAssert.Data(response)["__schema"]?["queryType"]?["name"]?.GetValue<string>());
    }

    /// <summary>
    /// An IDE's whole introspection query nests deeper (type references through ofType) and costs more than
    /// the engine's limits allow data; the edge answers it from schema/api.graphql, the committed public API.
    /// </summary>
    [Fact]
    public async Task A_full_ide_introspection_query_is_answered_from_the_contract()
    {
        const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }";
        var query = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } "
            + "types { ...FullType } directives { name description locations args { ...InputValue } } } } "
            + "fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } "
            + "inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } } "
            + "fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue } "
            + "fragment TypeRef on __Type { " + TypeRef + " }";

        var response = await system.Gateway.PostGraphQLAsync(query);

        var schema = GraphQLAssert.Data(response)["__schema"]!;
        Assert.Equal("Mutation", schema["mutationType"]?["name"]?.GetValue<string>());
        var types = schema["types"]!.AsArray().Select(type => type!["name"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Role", "ArchitecturePattern", "Term", "Node", "__Schema" }, types);
        Assert.DoesNotContain(types, name => name.StartsWith("join__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal));
    }

    // The Rust planner's runtime answers a wholly introspective query itself and plans any other, so a
    // query mixing the two got null data fields or null introspection, depending on which came first.
    [Theory]
    [InlineData("query ($type: String!) { __schema { queryType { name } } role(slug: \"backend-developer\") { name } __type(name: $type) { name } }", "__schema,role,__type")]
    [InlineData("query ($type: String!) { role(slug: \"backend-developer\") { name } __type(name: $type) { name } __schema { queryType { name } } }", "role,__type,__schema")]
    [InlineData("query ($type: String!) { role(slug: \"backend-developer\") { ...R } __schema { queryType { ...T } } __type(name: $type) { ...T } } fragment R on Role { name } fragment T on __Type { name }", "role,__schema,__type")]
    public async Task Introspection_beside_data_fields_answers_both_in_the_order_asked(string query, string order)
    {
        var response = await system.Gateway.PostGraphQLAsync(query, new { type = "Role" });

        var data = GraphQLAssert.Data(response);
        Assert.Equal("Query", data["__schema"]?["queryType"]?["name"]?.GetValue<string>());
        Assert.Equal("Role", data["__type"]?["name"]?.GetValue<string>());
        Assert.Equal("Backend Developer", data["role"]?["name"]?.GetValue<string>());
        Assert.Null(response.Errors);
        Assert.Equal(order, string.Join(',', data.AsObject().Select(field => field.Key)));
    }

    /// <summary>Grafbase's engine suggests no near misses, in either mode; its error names the type, the field and where.</summary>
    [Fact]
    public async Task Unknown_field_error_names_the_type_the_field_and_where()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { nme } } }");

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "OPERATION_VALIDATION_ERROR", MediaTypes.GraphQLResponse);
        Assert.Equal("Role does not have a field named 'nme'.", error["message"]?.GetValue<string>());
        Assert.Equal("""[{"line":1,"column":19}]""", error["locations"]?.ToJsonString());
    }
}

/// <summary>
/// The gateway in GRAPH_MODE=production: no introspection, no suggestions, and every error carries the
/// correlation id that the gateway echoes in X-Correlation-Id and writes to its log with the cause.
/// </summary>
[Collection(SharedProductionSupergraph.Name)]
public sealed class GatewayProductionModeTests(ProductionSystem system)
{
    [Fact]
    public async Task Introspection_is_refused()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Contains("introspection has been disabled", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_field_error_suggests_nothing()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { nme } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.Errors!);
        Assert.DoesNotContain("Did you mean", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022name\\u0022", JsonSerializer.Serialize(response.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_queries_still_answer()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });

        Assert.Equal("Backend Developer", GraphQLAssert.Data(response)["role"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task Incoming_correlation_id_is_echoed_and_carried_by_every_error()
    {
        var response = await system.Gateway.PostGraphQLWithHeaderAsync("{ roles { nodes { nme } } }", "X-Correlation-Id", "gateway-client-id-9");

        Assert.Equal("gateway-client-id-9", response.CorrelationId);
        Assert.All(response.Errors!, error => Assert.Equal("gateway-client-id-9", error!["extensions"]?["correlationId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Traceparent_trace_id_becomes_the_correlation_id()
    {
        var response = await system.Gateway.PostGraphQLWithHeaderAsync("{ __typename }", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        GraphQLAssert.Data(response);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", response.CorrelationId);
    }

    // The engine's error for a failed call names the subgraph and nothing more, in either mode; Hive's
    // plugins masked theirs to "The glossary subgraph is unavailable." with extensions.serviceName. The
    // engine's own log line of the cause (connection refused) has no correlation id (and `grafbase dev`
    // prints it only with RUST_LOG set), so the edge logs the id with the failed call's error and path.
    [Fact]
    public async Task A_failed_subgraph_call_is_masked_to_the_subgraph_name_with_the_correlation_id_the_gateway_logs_with_the_failed_call()
    {
        system.StopSubgraph("Glossary");
        GraphQLResponse response;
        try
        {
            response = await system.Gateway.PostGraphQLWithHeaderAsync("{ role(slug: \"backend-developer\") { name termPerspectives { text } } }", "X-Correlation-Id", "gateway-fault-3");
        }
        finally
        {
            await system.RestartSubgraphAsync("Glossary");
        }

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Backend Developer", response.Data?["role"]?["name"]?.GetValue<string>());
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("Request to subgraph 'glossary' failed.", error["message"]?.GetValue<string>());
        Assert.Equal("SUBGRAPH_REQUEST_ERROR", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("gateway-fault-3", error["extensions"]?["correlationId"]?.GetValue<string>());
        Assert.Equal("""["role","termPerspectives"]""", error["path"]?.ToJsonString());
        SubgraphFailureAssert.NullAt(response, error["path"]!.AsArray());
        Assert.DoesNotContain("refused", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", response.Body, StringComparison.Ordinal);

        // The edge writes its log line before the answer, but the test reads the gateway's output as it arrives.
        var logged = await system.GatewayProcess.WaitForLineAsync(
            line => line.Contains("gateway-fault-3", StringComparison.Ordinal) && line.Contains("Request to subgraph 'glossary' failed.", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Contains("""["role","termPerspectives"]""", logged, StringComparison.Ordinal);
    }
}
