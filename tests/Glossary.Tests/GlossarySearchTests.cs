using System.Net;
using SubgraphKit.Identity;

namespace Glossary.Tests;

/// <summary>The glossary's terms in the search, plus what only this subgraph does: Query.search and the merge.</summary>
public sealed class GlossarySearchTests(SubgraphFactory<Program> factory) : SubgraphSearchTests<Program>(factory)
{
    protected override string HitsField => "termHits";

    // An abbreviation weighs as a name: "BFF" is in no definition.
    protected override (string Query, string TypeName, string Slug) NameMatch => ("BFF", "Term", "backend-for-frontend");

    protected override (string Query, string TypeName, string Slug) PrefixMatch => ("hateo", "Term", "hateoas");

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("api", 0)]
    [InlineData("api", 51)]
    [InlineData("api", -1)]
    public async Task Search_with_a_blank_query_or_first_out_of_1_to_50_is_a_bad_user_input_error(string query, int first)
    {
        var response = await Client.PostGraphQLAsync("query ($q: String!, $n: Int) { search(query: $q, first: $n) { query } }", new { q = query, n = first });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        GraphQLAssert.NoStackTrace(response);
        Assert.Null(response.Data?["search"]);
        Assert.Equal("BAD_USER_INPUT", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Search_returns_its_key_with_first_defaulting_to_10()
    {
        var response = await Client.PostGraphQLAsync("{ search(query: \"api\") { query first termHits { id } } }");

        var search = GraphQLAssert.Data(response)["search"]!;
        Assert.Equal(10, search["first"]!.GetValue<int>());
        Assert.Equal(10, search["termHits"]!.AsArray().Count);
    }

    [Fact]
    public async Task Results_merge_the_required_hits_with_the_terms_best_first_and_keep_first()
    {
        var role = GlobalId.Encode("Role", "api-first-developer");
        var practice = GlobalId.Encode("Practice", "contract-testing");
        var representation = new
        {
            __typename = "Search",
            query = "contract",
            first = 4,
            roleHits = new[] { new { id = role, score = 9.0 } },
            patternHits = new[] { new { id = practice, score = 10.0 }, new { id = GlobalId.Encode("Practice", "mock-servers"), score = 0.001 } },
        };

        var response = await Client.PostGraphQLAsync(
            """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on Search { results { score node { __typename id ... on Term { name } } } }
              }
            }
            """,
            new { representations = new object[] { representation } });

        var results = Assert.Single(GraphQLAssert.Data(response)["_entities"]!.AsArray())!["results"]!.AsArray();
        var scores = results.Select(result => result!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(1.0, scores[0]); // the best of its subgraph and of all
        Assert.Equal(0.95, scores[1]); // the best of its subgraph, 9 / 10 of the best of all
        var types = results.Select(result => result!["node"]!["__typename"]!.GetValue<string>()).ToList();
        Assert.Contains("Term", types);
        Assert.Contains("Role", types);
        Assert.Contains("Practice", types);
        Assert.DoesNotContain(results, result => result!["node"]!["id"]!.GetValue<string>() == GlobalId.Encode("Practice", "mock-servers"));
        Assert.All(results.Where(result => result!["node"]!["__typename"]!.GetValue<string>() == "Term"),
            term => Assert.Contains("ontract", term!["node"]!["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_without_the_other_subgraphs_hits_are_the_terms_alone()
    {
        var response = await Client.PostGraphQLAsync(
            "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Search { results { node { __typename } } } } }",
            new { r = new object[] { new { __typename = "Search", query = "contract", first = 3, roleHits = (object?)null } } });

        var results = Assert.Single(GraphQLAssert.Data(response)["_entities"]!.AsArray())!["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.All(results, result => Assert.Equal("Term", result!["node"]!["__typename"]!.GetValue<string>()));
    }
}
