namespace Patterns.Tests;

/// <summary>The patterns subgraph's connections: enum filters, and projections that lose nothing.</summary>
public sealed class PatternsListingTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("patterns", "pattern", "id name category summary benefits tradeOffs source { heading } roleStances { preference } practices { slug } relatedTerms { id }")]
    [InlineData("practices", "practice", "id name category summary patterns { slug } roles { id } tools { id } relatedTerms { id } source { anchor }")]
    public Task Projection_keeps_every_selected_field(string listField, string lookupField, string selection) =>
        ListingAssert.ProjectionKeepsEveryFieldAsync(_client, listField, lookupField, selection);

    [Fact]
    public async Task Patterns_filter_by_category_with_a_parameter_not_a_literal()
    {
        factory.SqlCommands.Reset();

        var response = await _client.PostGraphQLAsync(
            "query($category: PatternCategory) { patterns(where: { category: { eq: $category } }) { totalCount nodes { category } } }",
            new { category = "API_DESIGN" });

        var patterns = GraphQLAssert.Data(response)["patterns"]!;
        Assert.True(patterns["totalCount"]!.GetValue<int>() > 0);
        Assert.All(patterns["nodes"]!.AsArray(), pattern => Assert.Equal("API_DESIGN", pattern!["category"]!.GetValue<string>()));
        Assert.All(factory.SqlCommands.Commands, sql =>
        {
            ListingAssert.SqlContains(factory.Database, "WHERE \"p\".\"Category\" = @", sql);
            Assert.DoesNotContain("ApiDesign", sql, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Null_category_variable_adds_no_condition()
    {
        var response = await _client.PostGraphQLAsync(
            "query($category: PracticeCategory) { practices(where: { category: { eq: $category } }) { totalCount } }",
            new { category = (string?)null });

        Assert.Equal(24, GraphQLAssert.Data(response)["practices"]!["totalCount"]!.GetValue<int>());
    }
}
