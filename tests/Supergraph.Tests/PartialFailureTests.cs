using System.Net;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>A system of its own, because these tests stop a subgraph.</summary>
public sealed class PartialFailureTests(PartialFailureTests.OwnSystem system) : IClassFixture<PartialFailureTests.OwnSystem>
{
    [Fact]
    public async Task With_glossary_stopped_roles_and_patterns_still_answer_with_an_error_on_the_glossary_fields()
    {
        system.StopSubgraph("Glossary");
        try
        {
            var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var role = response.Data?["role"];
            Assert.True(role is not null, response.ToString());
            Assert.Equal("Backend Developer", role["name"]!.GetValue<string>());
            Assert.NotEmpty(role["tools"]!.AsArray());
            var patterns = role["favouredPatterns"]!.AsArray();
            Assert.NotEmpty(patterns);
            Assert.All(patterns, pattern => Assert.NotNull(pattern!["name"]));
            Assert.Null(role["termPerspectives"]);
            Assert.NotNull(response.Errors);
            Assert.NotEmpty(response.Errors);
        }
        finally
        {
            await system.RestartSubgraphAsync("Glossary");
        }

        var recovered = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
        Assert.True(recovered.Errors is null, recovered.ToString());
        Assert.True(recovered.Data?["role"]?["termPerspectives"] is JsonArray { Count: > 0 }, recovered.ToString());
    }

    [Fact]
    public async Task With_roles_stopped_search_still_returns_the_other_subgraphs_results()
    {
        system.StopSubgraph("Roles");
        try
        {
            var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "API", first = 50 });

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var results = response.Data?["search"]?["results"]?.AsArray();
            Assert.True(results is { Count: > 0 }, response.ToString());
            var types = results.Select(result => result?["node"]?["__typename"]?.GetValue<string>()).ToHashSet();
            Assert.Contains("Term", types);
            Assert.Contains("Practice", types);
            Assert.DoesNotContain("Role", types);
            Assert.DoesNotContain("Tool", types);
        }
        finally
        {
            await system.RestartSubgraphAsync("Roles");
        }
    }

    public sealed class OwnSystem : SupergraphFixture;
}
