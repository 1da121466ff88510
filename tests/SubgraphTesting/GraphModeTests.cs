using System.Net;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// GRAPH_MODE=production at a subgraph: no introspection and no suggestions, while the federation
/// SDL and <c>__typename</c>, which the gateway needs, still answer; every error carries the request's
/// correlation id, and an unexpected exception is masked and logged with that id.
/// </summary>
public abstract class ProductionModeTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    protected HttpClient Client { get; } = factory.CreateClient();

    /// <summary>A list field cycle of this subgraph; its root field reads the database.</summary>
    protected abstract ListCycle Lists { get; }

    [Fact]
    public void The_factory_runs_production_mode() => Assert.Equal(SubgraphKit.Hosting.GraphMode.Production, factory.Mode);

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    public async Task Introspection_is_refused_with_400_no_introspection(string query)
    {
        var response = await Client.PostGraphQLAsync(query);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "NO_INTROSPECTION", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Federation_sdl_and_typename_still_answer()
    {
        var sdl = await Client.SubgraphSdlAsync();
        var typename = await Client.PostGraphQLAsync("{ __typename }");

        Assert.Contains("@link", sdl, StringComparison.Ordinal);
        Assert.Equal("Query", GraphQLAssert.Data(typename)["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_field_error_suggests_nothing()
    {
        var response = await Client.PostGraphQLAsync($"{{ {Lists.Root}x }}");

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE", MediaTypes.GraphQLResponse);
        Assert.DoesNotContain("Did you mean", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"'{Lists.Root}'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incoming_correlation_id_is_echoed_and_carried_by_every_error()
    {
        var response = await Client.PostGraphQLWithHeaderAsync("{ noSuchField }", "X-Correlation-Id", "client-chosen-id-42");

        Assert.Equal("client-chosen-id-42", response.CorrelationId);
        Assert.All(response.Errors!, error => Assert.Equal("client-chosen-id-42", error!["extensions"]?["correlationId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Traceparent_trace_id_becomes_the_correlation_id()
    {
        var response = await Client.PostGraphQLWithHeaderAsync("{ __typename }", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        GraphQLAssert.Data(response);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", response.CorrelationId);
    }

    [Fact]
    public async Task Without_an_incoming_id_a_new_one_is_made_for_each_request()
    {
        var first = await Client.PostGraphQLAsync("{ __typename }");
        var second = await Client.PostGraphQLAsync("{ __typename }");

        Assert.False(string.IsNullOrEmpty(first.CorrelationId));
        Assert.NotEqual(first.CorrelationId, second.CorrelationId);
    }

    [Fact]
    public async Task Unexpected_exception_is_masked_with_a_correlation_id_that_is_in_the_log_with_the_exception()
    {
        GraphQLResponse response;
        using (factory.SqlFault.Enable())
        {
            response = await Client.PostGraphQLWithHeaderAsync($"{{ {Lists.Root} {{ __typename }} }}", "X-Correlation-Id", "fault-correlation-7");
        }

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("Unexpected error.", error["message"]?.GetValue<string>());
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("fault-correlation-7", error["extensions"]?["correlationId"]?.GetValue<string>());
        Assert.DoesNotContain(SqlCommandFault.Message, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", response.Body, StringComparison.Ordinal);
        GraphQLAssert.NoStackTrace(response);

        Assert.Contains(factory.Logs.Entries, entry => entry.Level == LogLevel.Error
            && entry.Message.Contains("fault-correlation-7", StringComparison.Ordinal)
            && entry.Exception?.Message == SqlCommandFault.Message);
    }
}

/// <summary>GRAPH_MODE=development at a subgraph: introspection, suggestions and exception details stay on.</summary>
public abstract class DevelopmentModeTests<TProgram>(DevelopmentSubgraphFactory<TProgram> factory) : IClassFixture<DevelopmentSubgraphFactory<TProgram>>
    where TProgram : class
{
    protected HttpClient Client { get; } = factory.CreateClient();

    protected abstract ListCycle Lists { get; }

    [Fact]
    public async Task Introspection_answers()
    {
        var response = await Client.PostGraphQLAsync("{ __schema { queryType { name } } }");

        Assert.Equal("Query", GraphQLAssert.Data(response)["__schema"]?["queryType"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_field_error_suggests_the_near_miss()
    {
        var response = await Client.PostGraphQLAsync($"{{ {Lists.Root}x }}");

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE", MediaTypes.GraphQLResponse);
        var message = error["message"]!.GetValue<string>();
        Assert.Contains("Did you mean", message, StringComparison.Ordinal);
        Assert.Contains($"'{Lists.Root}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_exception_shows_its_details_and_correlation_id()
    {
        GraphQLResponse response;
        using (factory.SqlFault.Enable())
        {
            response = await Client.PostGraphQLAsync($"{{ {Lists.Root} {{ __typename }} }}");
        }

        var error = Assert.Single(response.Errors!)!;
        Assert.Contains(SqlCommandFault.Message, response.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error["extensions"]?["correlationId"]?.GetValue<string>()));
    }
}
