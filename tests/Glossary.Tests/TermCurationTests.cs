using System.Net;
using System.Text.Json.Nodes;

namespace Glossary.Tests;

/// <summary>
/// Curation of terms: writes need a token with the write scope, inputs are validated, and versions
/// stop lost updates. Every refused write is checked to have changed nothing.
/// </summary>
public sealed class TermCurationTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private const string Create = """
        mutation($input: CreateTermInput!) { createTerm(input: $input) { id slug name version relatedTerms { slug } source { heading } } }
        """;

    private const string Update = """
        mutation($input: UpdateTermInput!) { updateTerm(input: $input) { slug definition version } }
        """;

    private const string Delete = "mutation($input: DeleteInput!) { deleteTerm(input: $input) }";

    private readonly HttpClient _anonymous = factory.CreateClient();
    private readonly HttpClient _curator = factory.CreateClient(TestTokens.Create());

    public static TheoryData<string?, string, string> RefusedTokens => new()
    {
        { null, "AUTH_NOT_AUTHENTICATED", "need a bearer token" },
        { TestTokens.Create(scope: "graph:read"), "AUTH_NOT_AUTHORIZED", "lacks the 'graph:write' scope" },
        { TestTokens.Create(lifetime: TimeSpan.FromMinutes(-10)), "AUTH_NOT_AUTHENTICATED", "expired" },
        { TestTokens.Create(signingKey: Convert.ToBase64String(new byte[32])), "AUTH_NOT_AUTHENTICATED", "not valid here" },
        { "not-a-jwt", "AUTH_NOT_AUTHENTICATED", "not valid here" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Write_without_a_valid_write_token_is_refused_and_changes_nothing(string? token, string code, string message)
    {
        var client = token is null ? _anonymous : factory.CreateClient(token);
        var slug = "refused-" + Guid.NewGuid().ToString("N")[..8];

        var response = await client.PostGraphQLAsync(Create, new { input = NewTerm(slug) });

        var error = SingleError(response, code);
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await TermAsync(slug));
    }

    [Fact]
    public async Task Anonymous_reads_keep_working_with_any_or_no_token()
    {
        var expired = factory.CreateClient(TestTokens.Create(lifetime: TimeSpan.FromMinutes(-10)));

        var response = await expired.PostGraphQLAsync("""{ term(slug: "hateoas") { name } }""");

        Assert.StartsWith("Hypermedia", GraphQLAssert.Data(response)["term"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Curator_creates_a_term_that_reads_back_at_version_one()
    {
        var response = await _curator.PostGraphQLAsync(Create, new { input = NewTerm("api-gateway-curated", related: ["api"]) });

        var created = GraphQLAssert.Data(response)["createTerm"]!;
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal("api", created["relatedTerms"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal("Related Important Terms", created["source"]!["heading"]!.GetValue<string>());
        Assert.Equal("API gateway (curated)", (await TermAsync("api-gateway-curated"))!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("slug", "Not A Slug", "BAD_USER_INPUT", "lower-case")]
    [InlineData("name", "   ", "BAD_USER_INPUT", "must not be empty")]
    [InlineData("definition", "", "BAD_USER_INPUT", "must not be empty")]
    [InlineData("section", "A heading the article lacks", "BAD_USER_INPUT", "section headings")]
    [InlineData("relatedTerms", "no-such-term", "BAD_USER_INPUT", "'no-such-term'")]
    [InlineData("slug", "hateoas", "SLUG_TAKEN", "exists already")]
    public async Task Invalid_input_is_refused_with_the_field_named_and_nothing_written(string field, string value, string code, string message)
    {
        var input = NewTerm("valid-" + Guid.NewGuid().ToString("N")[..8]);
        input[field] = field == "relatedTerms" ? new JsonArray(value) : value;
        var before = await CountAsync();

        var response = await _curator.PostGraphQLAsync(Create, new { input });

        var error = SingleError(response, code);
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(field == "relatedTerms" ? "relatedTerms" : field is "slug" ? "slug" : field, error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Over_long_text_is_refused()
    {
        var input = NewTerm("too-long");
        input["definition"] = new string('x', 4001);

        var error = SingleError(await _curator.PostGraphQLAsync(Create, new { input }), "BAD_USER_INPUT");

        Assert.Contains("at most 4000 characters", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_at_a_stale_version_is_a_conflict_naming_the_current_one()
    {
        await CreateAsync("versioned-term");
        GraphQLAssert.Data(await _curator.PostGraphQLAsync(Update, new { input = new { slug = "versioned-term", version = 1, definition = "Second." } }));

        var response = await _curator.PostGraphQLAsync(Update, new { input = new { slug = "versioned-term", version = 1, definition = "Lost?" } });

        var error = SingleError(response, "CONFLICT");
        Assert.Equal(2, error["extensions"]!["currentVersion"]!.GetValue<int>());
        Assert.Equal("Second.", (await TermAsync("versioned-term"))!["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_parallel_updates_at_one_version_let_exactly_one_win_and_lose_nothing()
    {
        await CreateAsync("contended-term");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            _curator.PostGraphQLAsync(Update, new { input = new { slug = "contended-term", version = 1, definition = $"Edit {i}." } })));

        var winners = responses.Where(response => response.Errors is null).ToList();
        var winner = Assert.Single(winners);
        Assert.All(responses.Except(winners), response => SingleError(response, "CONFLICT"));
        var stored = (await TermAsync("contended-term"))!;
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(winner.Data!["updateTerm"]!["definition"]!.GetValue<string>(), stored["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_refuses_a_linked_term_and_removes_an_unlinked_one()
    {
        await CreateAsync("doomed-term");

        var linked = await _curator.PostGraphQLAsync(Delete, new { input = new { slug = "api", version = 1 } });
        var unlinked = await _curator.PostGraphQLAsync(Delete, new { input = new { slug = "doomed-term", version = 1 } });

        Assert.Contains("unlink it first", SingleError(linked, "STILL_REFERENCED")["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(await TermAsync("api"));
        Assert.NotNull(GraphQLAssert.Data(unlinked)["deleteTerm"]);
        Assert.Null(await TermAsync("doomed-term"));
    }

    [Fact]
    public async Task Created_term_is_found_by_search_at_once_and_gone_after_its_delete()
    {
        const string Search = """{ search(query: "quokka") { termHits { id } } }""";
        await CreateAsync("quokka-protocol");

        var found = GraphQLAssert.Data(await _anonymous.PostGraphQLAsync(Search));
        GraphQLAssert.Data(await _curator.PostGraphQLAsync(Delete, new { input = new { slug = "quokka-protocol", version = 1 } }));
        var gone = GraphQLAssert.Data(await _anonymous.PostGraphQLAsync(Search));

        Assert.Equal(SubgraphKit.Identity.GlobalId.Encode("Term", "quokka-protocol"), found["search"]!["termHits"]![0]!["id"]!.GetValue<string>());
        Assert.Empty(gone["search"]!["termHits"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_slug_is_not_found()
    {
        SingleError(await _curator.PostGraphQLAsync(Update, new { input = new { slug = "no-such-term", version = 1, definition = "x" } }), "NOT_FOUND");
    }

    private static JsonObject NewTerm(string slug, string[]? related = null) => new()
    {
        ["slug"] = slug,
        ["name"] = slug == "api-gateway-curated" ? "API gateway (curated)" : "Term " + slug,
        ["kind"] = "CONCEPT",
        ["definition"] = "First.",
        ["relatedTerms"] = new JsonArray([.. (related ?? []).Select(value => JsonValue.Create(value))]),
        ["section"] = "Related Important Terms",
    };

    private async Task CreateAsync(string slug) =>
        GraphQLAssert.Data(await _curator.PostGraphQLAsync(Create, new { input = NewTerm(slug) }));

    private async Task<JsonNode?> TermAsync(string slug) =>
        GraphQLAssert.Data(await _anonymous.PostGraphQLAsync("query($slug: String!) { term(slug: $slug) { name definition version } }", new { slug }))["term"];

    private async Task<int> CountAsync() =>
        GraphQLAssert.Data(await _anonymous.PostGraphQLAsync("{ terms { totalCount } }"))["terms"]!["totalCount"]!.GetValue<int>();

    private static JsonObject SingleError(GraphQLResponse response, string code)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        GraphQLAssert.NoStackTrace(response);
        var error = Assert.IsType<JsonObject>(Assert.Single(response.Errors!), exactMatch: false);
        Assert.Equal(code, error["extensions"]?["code"]?.GetValue<string>());
        return error;
    }
}
