namespace Roles.Tests;

/// <summary>The roles subgraph's connections: number and enum filters, and projections that lose nothing.</summary>
public sealed class RolesListingTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("roles", "role", "id name summary focus responsibilities advantages challenges careerOutlook source { heading } comparison { text } tools { slug }")]
    [InlineData("comparisonTable", "comparisonAspect", "id name position source { anchor } stances { role { slug } text }")]
    [InlineData("tools", "tool", "id name category description roles { slug } source { heading }")]
    public Task Projection_keeps_every_selected_field(string listField, string lookupField, string selection) =>
        ListingAssert.ProjectionKeepsEveryFieldAsync(_client, listField, lookupField, selection);

    [Fact]
    public async Task Comparison_table_filters_positions_with_number_operators_in_sql()
    {
        factory.SqlCommands.Reset();

        var response = await _client.PostGraphQLAsync("{ comparisonTable(where: { position: { gt: 2, lte: 4 } }) { nodes { position name } } }");

        var rows = GraphQLAssert.Data(response)["comparisonTable"]!["nodes"]!.AsArray();
        Assert.Equal([3, 4], rows.Select(row => row!["position"]!.GetValue<int>()));
        var sql = Assert.Single(factory.SqlCommands.Commands);
        ListingAssert.SqlContains(factory.Database, "WHERE \"c\".\"Position\" > @", sql);
        ListingAssert.SqlContains(factory.Database, "\"c\".\"Position\" <= @", sql);
        ListingAssert.SqlContains(factory.Database, "ORDER BY \"c\".\"Position\", \"c\".\"Slug\"", sql);
    }

    [Fact]
    public async Task Tools_filter_by_category_in_and_sort_by_category_then_name()
    {
        var response = await _client.PostGraphQLAsync("""
            { tools(where: { category: { in: [API_TESTING, IDE] } }, order: [{ category: DESC }, { name: ASC }]) { nodes { name category } } }
            """);

        var tools = GraphQLAssert.Data(response)["tools"]!["nodes"]!.AsArray();
        Assert.NotEmpty(tools);
        var categories = tools.Select(tool => tool!["category"]!.GetValue<string>()).ToList();
        Assert.All(categories, category => Assert.True(category is "API_TESTING" or "IDE", category));
        // Enums are stored by name, so DESC puts "Ide" before "ApiTesting".
        Assert.Equal(categories.OrderByDescending(category => category == "IDE").ToList(), categories);
    }

    [Fact]
    public async Task Unknown_enum_value_in_a_filter_is_a_validation_error()
    {
        var response = await _client.PostGraphQLAsync("{ tools(where: { category: { eq: HAMMER } }) { nodes { name } } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("HAMMER", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
