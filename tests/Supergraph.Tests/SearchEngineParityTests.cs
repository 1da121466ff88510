using System.Net;
using SubgraphKit.Data;

namespace Supergraph.Tests;

/// <summary>
/// Search finds and ranks alike on SQLite and on PostgreSQL (docs/search.md): the trusted Search
/// operation, through the gateway, gives the same best results for realistic queries. This class runs
/// once per engine (DATABASE), each time against the same expectations.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class SearchEngineParityTests(SupergraphFixture system)
{
    /// <summary>Queries and their best three results, as type:slug, on either engine.</summary>
    public static TheoryData<string, string[]> OnBothEngines { get; } = new()
    {
        { "graphql", ["ArchitecturePattern:graphql-federation", "Term:graphql", "Term:graphql-federation"] },
        // api-validation and mock-servers tie for third; a tie goes to the lower id.
        { "contract testing", ["ComparisonAspect:testing-strategy", "Practice:contract-testing", "Practice:api-validation"] },
        { "bff", ["ArchitecturePattern:backend-for-frontend", "Term:backend-for-frontend", "Term:data-over-fetching"] },
        { "microservices", ["ComparisonAspect:architecture-focus", "ArchitecturePattern:microservices-choreography", "ArchitecturePattern:microservices"] },
        { "postman", ["Practice:api-testing-with-postman", "Tool:postman", "Practice:api-contract-management"] },
        { "event driven", ["ArchitecturePattern:event-driven-architecture", "Term:event-driven-architecture", "ArchitecturePattern:serverless-backend"] },
        { "documentation", ["Practice:api-documentation", "Term:interoperability", "Term:openapi"] },
        { "rest api", ["ArchitecturePattern:restful-decoupling", "Term:rest", "Term:restful-decoupling"] },
        { "schema registry", ["Practice:schema-registry-management", "Term:schema-registry", "Role:api-first-developer"] },
    };

    [Theory]
    [MemberData(nameof(OnBothEngines))]
    public async Task The_best_results_are_the_same_on_both_engines(string query, string[] best)
    {
        Assert.Equal(best, await BestAsync(query, best.Length));
    }

    /// <summary>
    /// Where the engines differ: PostgreSQL's English configuration drops stop words ("what", "is") from
    /// the query, while FTS5 has none and, as every word must match, finds nothing holding "what".
    /// </summary>
    [Fact]
    public async Task Stop_words_must_match_on_sqlite_and_are_dropped_on_postgresql()
    {
        var best = await BestAsync("what is rest", 3);

        string[] expected = TestDatabase.Engine == DatabaseEngine.Sqlite
            ? []
            : ["ArchitecturePattern:restful-decoupling", "Term:rest", "Term:restful-decoupling"];
        Assert.Equal(expected, best);
    }

    private async Task<List<string>> BestAsync(string query, int count)
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query, first = 10 });

        Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
        return [.. response.Data!["search"]!["results"]!.AsArray()
            .Take(count)
            .Select(result => $"{result!["node"]!["__typename"]!.GetValue<string>()}:{result["node"]!["slug"]!.GetValue<string>()}")];
    }
}
