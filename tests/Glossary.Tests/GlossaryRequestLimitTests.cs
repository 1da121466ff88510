namespace Glossary.Tests;

public sealed class GlossaryRequestLimitTests(SubgraphFactory<Program> factory) : RequestLimitTests<Program>(factory)
{
    protected override ListCycle Lists => GlossarySeed.Lists;

    [Fact]
    public async Task Nodes_count_their_assumed_100_items_whatever_ids_are_sent()
    {
        var response = await Client.PostGraphQLAsync("""{ nodes(ids: ["x"]) { ... on Term { relatedTerms { relatedTerms { relatedTerms { __typename } } } } } }""");

        // nodes 1, then 100 × relatedTerms, 100 × 10 ×, 100 × 10 × 10 ×, 100 × 10 × 10 × 10 × __typename.
        AssertComplexityRefused(response, 111101);
    }

    [Fact]
    public async Task Search_weighs_10_and_its_results_count_first_items()
    {
        const string Query = "query ($first: Int) { search(query: \"api\", first: $first) { results { node { ... on Term { relatedTerms { relatedTerms { relatedTerms { __typename } } } } } } } }";

        var large = await Client.PostGraphQLAsync(Query, new { first = 50 });
        var small = await Client.PostGraphQLAsync(Query, new { first = 2 });

        // search 10, results 1, then 50 × node, 50 × relatedTerms, 50 × 10 ×, 50 × 10 × 10 ×, 50 × 10 × 10 × 10 × __typename.
        AssertComplexityRefused(large, 55611);
        GraphQLAssert.Data(small);
    }
}
