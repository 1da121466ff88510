namespace Patterns.Tests;

/// <summary>Curation in the patterns subgraph: patterns and practices, and the links between them.</summary>
public sealed class PatternsCurationTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _anonymous = factory.CreateClient();
    private readonly HttpClient _curator = factory.CreateClient(TestTokens.Create());

    [Fact]
    public async Task Pattern_with_a_practice_cannot_be_deleted_until_the_practice_is_gone()
    {
        GraphQLAssert.Data(await _curator.PostGraphQLAsync("""
            mutation { createArchitecturePattern(input: { slug: "strangler-fig", name: "Strangler fig", category: APPLICATION_STRUCTURE,
              summary: "Replace a monolith piece by piece.", benefits: ["Low risk"], section: "Architectural Philosophy: Monolith vs Microservices" }) { version } }
            """));
        GraphQLAssert.Data(await _curator.PostGraphQLAsync("""
            mutation { createPractice(input: { slug: "routing-facade", name: "Routing facade", category: LIFECYCLE,
              summary: "Route calls to old or new code.", patterns: ["strangler-fig"], section: "Architectural Philosophy: Monolith vs Microservices" }) { version } }
            """));

        var refused = await _curator.PostGraphQLAsync("""mutation { deleteArchitecturePattern(input: { slug: "strangler-fig", version: 1 }) }""");
        GraphQLAssert.Data(await _curator.PostGraphQLAsync("""mutation { deletePractice(input: { slug: "routing-facade", version: 1 }) }"""));
        var deleted = await _curator.PostGraphQLAsync("""mutation { deleteArchitecturePattern(input: { slug: "strangler-fig", version: 1 }) }""");

        Assert.Equal("STILL_REFERENCED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("routing-facade", refused.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        GraphQLAssert.Data(deleted);
        Assert.Null(GraphQLAssert.Data(await _anonymous.PostGraphQLAsync("""{ pattern(slug: "strangler-fig") { slug } }"""))["pattern"]);
    }

    [Fact]
    public async Task Practice_linked_to_a_missing_pattern_is_refused()
    {
        var response = await _curator.PostGraphQLAsync("""
            mutation { createPractice(input: { slug: "orphan-practice", name: "Orphan", category: LIFECYCLE,
              summary: "No pattern.", patterns: ["no-such-pattern"], section: "Architectural Philosophy: Monolith vs Microservices" }) { version } }
            """);

        Assert.Equal("BAD_USER_INPUT", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("patterns", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Practice_update_at_a_stale_version_is_a_conflict()
    {
        GraphQLAssert.Data(await _curator.PostGraphQLAsync("""mutation { updatePractice(input: { slug: "contract-testing", version: 1, summary: "Check both sides keep the contract." }) { version } }"""));

        var stale = await _curator.PostGraphQLAsync("""mutation { updatePractice(input: { slug: "contract-testing", version: 1, summary: "Lost?" }) { version } }""");

        Assert.Equal("CONFLICT", stale.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
