using System.Net;

namespace Supergraph.Tests;

/// <summary>
/// Small documents that cost an engine far more than their size, refused by the edge before the engine
/// sees them (DocumentChecks, with the subgraphs' own ExpandedSelections): Grafbase's engine expands
/// fragments at every spread, so 30 fragments that each spread the next twice held it past 10 s, and it
/// overflows its stack on a fragment cycle, which kills the process and every request in flight.
/// </summary>
[Collection(SharedProductionSupergraph.Name)]
public sealed class GatewayAbusiveDocumentTests(ProductionSystem system)
{
    [Theory]
    [InlineData("query { ...A } fragment A on Query { ...A }")]
    [InlineData("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }")]
    [InlineData("query { __typename } fragment A on Query { ...B } fragment B on Query { ...A }")]
    public async Task A_fragment_cycle_is_refused_and_the_gateway_keeps_answering(string document)
    {
        var response = await system.Gateway.PostGraphQLAsync(document);

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "OPERATION_VALIDATION_ERROR", MediaTypes.GraphQLResponse);
        Assert.Contains("spreads itself", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertStillAnsweringAsync();
    }

    /// <summary>2^30 copies of F0 once spread in place, in about 1 KB and 300 tokens.</summary>
    [Fact]
    public async Task Fragments_that_each_spread_the_last_twice_are_refused_as_too_many_fields()
    {
        var document = "{ ...F30 } fragment F0 on Query { __typename } "
            + string.Join(" ", Enumerable.Range(1, 30).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));

        var response = await system.Gateway.PostGraphQLAsync(document);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_FIELDS_EXCEEDED", MediaTypes.GraphQLResponse);
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task A_chain_of_fragments_nested_past_the_limit_is_refused_as_too_deep()
    {
        var document = "{ ...F0 } " + string.Join(" ", Enumerable.Range(0, 70).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }}"))
            + " fragment F70 on Query { __typename }";

        var response = await system.Gateway.PostGraphQLAsync(document);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED", MediaTypes.GraphQLResponse);
        await AssertStillAnsweringAsync();
    }

    private async Task AssertStillAnsweringAsync() =>
        Assert.Equal("Query", GraphQLAssert.Data(await system.Gateway.PostGraphQLAsync("{ __typename }"))["__typename"]?.GetValue<string>());
}
