using System.Net;
using System.Text.Json.Nodes;

namespace Glossary.Tests;

/// <summary>
/// Filtering, sorting, paging and projection of <c>terms</c>, the kit's listing machinery on the
/// largest list (37 terms), proven from the SQL each request ran.
/// </summary>
public sealed class TermListingTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private const int TermCount = 37;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Filter_and_order_run_in_sql_as_where_order_by_and_limit()
    {
        factory.SqlCommands.Reset();

        var terms = await TermsAsync("""
            terms(where: { kind: { eq: CONCEPT }, name: { contains: "api" } }, order: [{ name: DESC }], first: 3) { nodes { name kind } }
            """);

        Assert.Equal(["OpenAPI", "API-First Development", "API versioning"], Names(terms));
        Assert.All(terms["nodes"]!.AsArray(), term => Assert.Equal("CONCEPT", term!["kind"]!.GetValue<string>()));
        var sql = Assert.Single(factory.SqlCommands.Commands);
        ListingAssert.SqlContains(factory.Database, "WHERE \"t\".\"Name\" LIKE @", sql);
        ListingAssert.SqlContains(factory.Database, "\"t\".\"Kind\" = @", sql);
        ListingAssert.SqlContains(factory.Database, "ORDER BY \"t\".\"Name\" DESC, \"t\".\"Slug\"", sql);
        ListingAssert.SqlContains(factory.Database, "LIMIT @", sql);
    }

    [Fact]
    public async Task Or_in_and_startsWith_combine_as_the_filter_says()
    {
        var terms = await TermsAsync("""
            terms(where: { or: [{ slug: { in: ["hateoas", "oauth"] } }, { name: { startsWith: "graphql f" } }] }) { nodes { slug } }
            """);

        Assert.Equal(["graphql-federation", "hateoas", "oauth"], terms["nodes"]!.AsArray().Select(term => term!["slug"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Like_wildcards_in_user_text_match_literally()
    {
        var terms = await TermsAsync("""terms(where: { name: { contains: "%" } }) { totalCount nodes { name } }""");

        Assert.Equal(0, terms["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Projection_reads_only_the_selected_columns_and_the_slug()
    {
        factory.SqlCommands.Reset();

        await TermsAsync("terms(first: 5) { edges { node { id name } } }");

        var sql = Assert.Single(factory.SqlCommands.Commands);
        ListingAssert.SqlStartsWith(factory.Database, "SELECT \"t\".\"Slug\", \"t\".\"Name\"\nFROM \"Terms\" AS \"t\"", sql);
        Assert.DoesNotContain("Definition", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("JOIN", sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// Unfiltered pages run an EF compiled query per shape (sort keys and columns) with the offset and
    /// page size as its parameters; filtered pages build their query per request. Both must page alike.
    /// </summary>
    [Theory]
    [InlineData("first: 7")]
    [InlineData("order: [{ kind: DESC }, { name: ASC }], first: 9, after: \"b2Zmc2V0OjM\"")]
    [InlineData("order: [{ slug: DESC }], last: 4")]
    public async Task Unfiltered_pages_run_a_compiled_query_that_pages_like_the_filtered_path(string arguments)
    {
        factory.SqlCommands.Reset();
        var compiled = await TermsAsync($"terms({arguments}) {{ totalCount nodes {{ slug kind definition }} }}");
        var compiledSql = factory.SqlCommands.Commands;

        var built = await TermsAsync($"terms(where: {{ slug: {{ neq: \"no-such-term\" }} }}, {arguments}) {{ totalCount nodes {{ slug kind definition }} }}");

        Assert.Equal(built.ToJsonString(), compiled.ToJsonString());
        Assert.NotEmpty(compiled["nodes"]!.AsArray());
        Assert.Contains(compiledSql, sql => sql.Contains("LIMIT @size OFFSET @offset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Total_count_is_one_count_query_and_only_when_selected()
    {
        factory.SqlCommands.Reset();
        var withCount = await TermsAsync("terms(first: 1) { totalCount nodes { name } }");
        var counted = factory.SqlCommands.Commands;

        factory.SqlCommands.Reset();
        await TermsAsync("terms(first: 1) { nodes { name } }");

        Assert.Equal(TermCount, withCount["totalCount"]!.GetValue<int>());
        Assert.Equal(2, counted.Count);
        Assert.Contains(counted, sql => sql.ReplaceLineEndings("\n").StartsWith(ListingAssert.InDialectOf(factory.Database, "SELECT COUNT(*)\nFROM \"Terms\""), StringComparison.Ordinal));
        // Any spelling of a count (COUNT on SQLite, count on PostgreSQL) is one too many here.
        Assert.DoesNotContain(factory.SqlCommands.Commands, sql => sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Default_page_is_ten_terms_with_a_next_page()
    {
        var terms = await TermsAsync("terms { nodes { name } pageInfo { hasNextPage hasPreviousPage } }");

        Assert.Equal(10, terms["nodes"]!.AsArray().Count);
        Assert.True(terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(terms["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Paging_forward_with_after_visits_every_term_once()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var terms = await TermsAsync($$"""terms(first: 15, after: {{(after is null ? "null" : $"\"{after}\"")}}) { nodes { name } pageInfo { hasNextPage endCursor } }""");
            seen.AddRange(Names(terms));
            after = terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? terms["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(TermCount, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Last_page_comes_from_last_without_before()
    {
        var all = Names(await TermsAsync("terms(first: 50) { nodes { name } }"));

        var terms = await TermsAsync("terms(last: 3) { nodes { name } pageInfo { hasNextPage hasPreviousPage } }");

        Assert.Equal(all[^3..], Names(terms));
        Assert.False(terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(terms["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Last_with_before_pages_backwards_from_a_cursor()
    {
        var page = await TermsAsync("terms(first: 10) { edges { cursor node { name } } }");
        var edges = page["edges"]!.AsArray();
        var sixth = edges[5]!["cursor"]!.GetValue<string>();

        var terms = await TermsAsync($$"""terms(last: 2, before: "{{sixth}}") { nodes { name } pageInfo { hasNextPage hasPreviousPage } }""");

        Assert.Equal([edges[3]!["node"]!["name"]!.GetValue<string>(), edges[4]!["node"]!["name"]!.GetValue<string>()], Names(terms));
        Assert.True(terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(terms["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Filter_that_matches_nothing_gives_an_empty_page()
    {
        var terms = await TermsAsync("""
            terms(where: { name: { eq: "No such term" } }) { totalCount edges { cursor } nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
            """);

        Assert.Equal(0, terms["totalCount"]!.GetValue<int>());
        Assert.Empty(terms["nodes"]!.AsArray());
        Assert.Empty(terms["edges"]!.AsArray());
        Assert.False(terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Null(terms["pageInfo"]!["endCursor"]);
    }

    [Theory]
    [InlineData("first: 51", "PAGE_SIZE_EXCEEDED", "at most 50")]
    [InlineData("last: 500", "PAGE_SIZE_EXCEEDED", "at most 50")]
    [InlineData("first: -1", "INVALID_PAGING_ARGUMENTS", "0 or more")]
    [InlineData("first: 2, last: 2", "INVALID_PAGING_ARGUMENTS", "not both")]
    [InlineData("after: \"bm90LWEtY3Vyc29y\"", "INVALID_CURSOR", "not one this field issued")]
    [InlineData("before: \"%%%\"", "INVALID_CURSOR", "not one this field issued")]
    public async Task Bad_paging_arguments_get_a_clear_error_and_run_no_sql(string arguments, string code, string message)
    {
        factory.SqlCommands.Reset();

        var response = await _client.PostGraphQLAsync($"{{ terms({arguments}) {{ nodes {{ name }} }} }}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["terms"], error["path"]!.AsArray().Select(segment => segment!.GetValue<string>()));
        GraphQLAssert.NoStackTrace(response);
        Assert.Empty(factory.SqlCommands.Commands);
    }

    [Fact]
    public async Task Unknown_filter_field_is_a_validation_error_naming_it()
    {
        var response = await _client.PostGraphQLAsync("""{ terms(where: { colour: { eq: "red" } }) { nodes { name } } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("colour", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Data);
    }

    private async Task<JsonNode> TermsAsync(string field)
    {
        var response = await _client.PostGraphQLAsync("{ " + field + " }");
        return GraphQLAssert.Data(response)["terms"]!;
    }

    private static List<string> Names(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(node => node!["name"]!.GetValue<string>()).ToList();
}
