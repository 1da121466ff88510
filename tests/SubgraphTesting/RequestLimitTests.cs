using System.Net;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// The request limits of SubgraphKit (Limits/RequestLimits.cs; values and reasons in README.md,
/// "Limits"): each violation is refused before execution with its own code, 400 under
/// graphql-response+json, 200 with errors under application/json, and never a 5xx.
/// </summary>
public abstract class RequestLimitTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    protected HttpClient Client { get; } = factory.CreateClient();

    /// <summary>A list field cycle of this subgraph, to build deep and costly queries.</summary>
    protected abstract ListCycle Lists { get; }

    [Fact]
    public async Task More_than_2000_tokens_is_400_max_tokens_exceeded()
    {
        var query = "{ " + string.Join(" ", Enumerable.Repeat("__typename", 2001)) + " }";

        var response = await Client.PostGraphQLAsync(query);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_TOKENS_EXCEEDED", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task More_than_30_aliases_is_400_max_aliases_exceeded()
    {
        var response = await Client.PostGraphQLAsync(Aliased(31));

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_ALIASES_EXCEEDED", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Thirty_aliases_are_allowed()
    {
        GraphQLAssert.Data(await Client.PostGraphQLAsync(Aliased(30)));
    }

    [Fact]
    public async Task Deeper_than_10_levels_is_400_max_depth_exceeded()
    {
        var response = await Client.PostGraphQLAsync(Lists.Nested(11));

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED", MediaTypes.GraphQLResponse);
    }

    [Fact]
    public async Task Four_nested_lists_are_allowed()
    {
        GraphQLAssert.Data(await Client.PostGraphQLAsync(Lists.Nested(5)));
    }

    [Fact]
    public async Task Five_nested_lists_exceed_complexity_40000_with_400_max_complexity_exceeded()
    {
        var response = await Client.PostGraphQLAsync(Lists.Nested(6));

        // 1 for the connection and 1 for its nodes, then 10 × (…) for the default page and each of the four lists below.
        AssertComplexityRefused(response, 111112);
    }

    [Fact]
    public async Task Four_nested_lists_under_a_page_of_50_exceed_complexity_40000()
    {
        var response = await Client.PostGraphQLAsync(Lists.Nested(5, "first: 50"));

        // 1 + 1 + 50 + 50 × 10 + 50 × 10 × 10 + 50 × 10 × 10 × 10 (__typename).
        AssertComplexityRefused(response, 55552);
    }

    [Fact]
    public async Task Four_nested_lists_under_a_page_of_2_are_allowed()
    {
        GraphQLAssert.Data(await Client.PostGraphQLAsync(Lists.Nested(5, "first: 2")));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    public async Task A_page_size_from_a_variable_counts_like_a_literal(string argument)
    {
        var query = "query ($size: Int) " + Lists.Nested(5, argument + ": $size");

        // Small first: the document is then cached as valid, and must still be measured per request.
        var small = await Client.PostGraphQLAsync(query, new { size = 2 });
        var large = await Client.PostGraphQLAsync(query, new { size = 50 });

        AssertComplexityRefused(large, 55552);
        GraphQLAssert.Data(small);
    }

    [Fact]
    public async Task TotalCount_weighs_5_and_edges_count_the_page_like_nodes()
    {
        var response = await Client.PostGraphQLAsync(Lists.NestedWithCount(5, "first: 50"));

        // connection 1, totalCount 5, edges 1, then 50 × node, 50 × list, 500 × list, 5000 × list, 50000 × __typename.
        AssertComplexityRefused(response, 55607);
    }

    [Fact]
    public async Task Limit_errors_under_application_json_are_200_with_errors_and_nothing_executed()
    {
        var response = await Client.PostGraphQLAsync(Lists.Nested(11), accept: MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.OK, "MAX_DEPTH_EXCEEDED", MediaTypes.Json);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Limits_come_from_configuration()
    {
        using var strict = factory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphQL:Limits:MaxDepth", "3")
            .UseSetting("GraphQL:Limits:MaxAliases", "1"));
        using var client = strict.CreateClient();

        var deep = await client.PostGraphQLAsync(Lists.Nested(4));
        var aliased = await client.PostGraphQLAsync(Aliased(2));

        GraphQLAssert.Error(deep, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED", MediaTypes.GraphQLResponse);
        GraphQLAssert.Error(aliased, HttpStatusCode.BadRequest, "MAX_ALIASES_EXCEEDED", MediaTypes.GraphQLResponse);
    }

    /// <summary>Deeper than GraphQLParser parses (its guard against stack exhaustion) but under the token limit.</summary>
    [Fact]
    public async Task Document_too_deep_to_parse_is_400_max_depth_exceeded_not_an_unexpected_error()
    {
        var deep = "{ __typename " + string.Concat(Enumerable.Repeat("a { ", 300)) + "b" + new string('}', 300) + " }";

        var response = await Client.PostGraphQLAsync(deep);

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED", MediaTypes.GraphQLResponse);
        Assert.Contains("too deep to parse", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Refused before execution for complexity, with exactly <paramref name="complexity"/> counted.</summary>
    protected static void AssertComplexityRefused(GraphQLResponse response, int complexity)
    {
        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "MAX_COMPLEXITY_EXCEEDED", MediaTypes.GraphQLResponse);
        Assert.Contains($"complexity is {complexity};", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Aliased(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: __typename")) + " }";
}
