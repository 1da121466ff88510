using System.Text.Json.Nodes;
using SubgraphKit.Identity;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// A subgraph's part of the federated search: the gateway resolves <c>Search</c> entities here and
/// selects this subgraph's hits field. One full-text query per search (FTS5, or a tsvector), ranked best
/// first with names above texts, the last word matched as a prefix, and no input text that can break the
/// query. A subgraph test project derives one class and names its hits field and a few queries with their
/// best hit.
/// </summary>
public abstract class SubgraphSearchTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    protected SubgraphFactory<TProgram> Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.CreateClient();

    /// <summary>The field this subgraph adds to Search, such as <c>roleHits</c>.</summary>
    protected abstract string HitsField { get; }

    /// <summary>Text whose words are in one record's name and only in others' texts, and that record.</summary>
    protected abstract (string Query, string TypeName, string Slug) NameMatch { get; }

    /// <summary>The first letters of a word, and the record whose name holds the word.</summary>
    protected abstract (string Query, string TypeName, string Slug) PrefixMatch { get; }

    [Fact]
    public async Task A_name_match_ranks_first()
    {
        var hits = await HitsAsync(NameMatch.Query);

        Assert.NotEmpty(hits);
        Assert.Equal(GlobalId.Encode(NameMatch.TypeName, NameMatch.Slug), hits[0].Id);
    }

    [Fact]
    public async Task Hits_are_ordered_by_a_positive_score_best_first()
    {
        var hits = await HitsAsync("api", first: 50);

        Assert.True(hits.Count > 1, $"Expected several hits for \"api\", got {hits.Count}.");
        Assert.All(hits, hit => Assert.True(hit.Score > 0, $"{hit.Id} scored {hit.Score}."));
        Assert.Equal(hits.OrderByDescending(hit => hit.Score).Select(hit => hit.Score), hits.Select(hit => hit.Score));
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix()
    {
        var hits = await HitsAsync(PrefixMatch.Query);

        Assert.Contains(GlobalId.Encode(PrefixMatch.TypeName, PrefixMatch.Slug), hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        Assert.Empty(await HitsAsync(NameMatch.Query + " zyxwvut"));
    }

    [Fact]
    public async Task A_search_runs_one_sql_query()
    {
        Factory.SqlCommands.Reset();
        var hits = await HitsAsync("api", first: 50);

        Assert.NotEmpty(hits);
        var command = Assert.Single(Factory.SqlCommands.Commands);
        // The engine's full-text search: FTS5's MATCH on SQLite, a tsvector's @@ on PostgreSQL.
        Assert.Contains(Factory.Database == SubgraphKit.Data.DatabaseEngine.Sqlite ? "MATCH" : "@@", command, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(1000, 50)]
    public async Task First_is_kept_within_1_to_50(int first, int most)
    {
        var hits = await HitsAsync("api", first);

        Assert.InRange(hits.Count, 1, most);
    }

    [Theory]
    [MemberData(nameof(HostileSearchText.Queries), MemberType = typeof(HostileSearchText))]
    public async Task Hostile_query_text_gives_hits_or_none_but_never_an_error(string query)
    {
        var hits = await HitsAsync(query);

        Assert.All(hits, hit => Assert.True(hit.Score > 0, $"{hit.Id} scored {hit.Score}."));
    }

    /// <summary>
    /// What the gateway sends for <c>search { ...hits }</c>: the Search entity by its key, selecting this
    /// subgraph's hits. Asserts 200 with no errors.
    /// </summary>
    protected async Task<List<(string Id, double Score)>> HitsAsync(string query, int first = 10)
    {
        var response = await Client.PostGraphQLAsync(
            $$"""
            query Hits($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Search { query first {{HitsField}} { id score } } }
            }
            """,
            new { representations = new object[] { new { __typename = "Search", query, first } } });

        var search = Assert.Single(GraphQLAssert.Data(response)["_entities"]!.AsArray());
        Assert.NotNull(search);
        Assert.Equal(query, search["query"]?.GetValue<string>());
        // No hits is an empty list; null is this subgraph failing to answer its own field, never "none".
        var hits = Assert.IsType<JsonArray>(search[HitsField]);
        return [.. hits.Select(hit => (hit!["id"]!.GetValue<string>(), hit["score"]!.GetValue<double>()))];
    }
}

/// <summary>What a search box may be sent.</summary>
public static class HostileSearchText
{
    /// <summary>FTS5 syntax, SQL, quotes and oversized input: each is only words to search for, or none.</summary>
    public static TheoryData<string> Queries { get; } =
    [
        "\"", "\"api", "api\"", "\"\"\"", "*", "api*", "* api", "AND", "OR", "NOT", "api AND", "OR api", "NEAR(api contract)",
        "-api", "api -", "api:", "name:api", "^api", "(((", "api)", "'; DROP TABLE SearchDocuments; --", "%", "\\", "\0",
        "ütf ✓ 日本語 🙂", new string('a', 5000), string.Join(" ", Enumerable.Repeat("api", 200)),
    ];
}
