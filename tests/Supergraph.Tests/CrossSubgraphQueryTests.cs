using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace Supergraph.Tests;

/// <summary>Queries through the real gateway whose answers need two or three subgraphs.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class CrossSubgraphQueryTests(SupergraphFixture system)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Role_page_joins_roles_patterns_and_glossary()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "api-first-developer" });

        var role = DataOf(response)["role"]!;
        Assert.Equal("API-First Developer", role["name"]!.GetValue<string>());
        Assert.NotEmpty(role["tools"]!.AsArray());
        Assert.Contains(role["favouredPatterns"]!.AsArray(), pattern => pattern!["name"]!.GetValue<string>() == "Backend for Frontend (BFF)");
        Assert.Equal(10, role["termPerspectives"]!.AsArray().Count);
        Snapshot.Match(role.ToJsonString(Indented));
    }

    [Fact]
    public async Task Comparison_table_has_eight_aspects_with_both_roles_in_the_articles_words()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("ComparisonTable"));

        var table = DataOf(response)["comparisonTable"]!["nodes"]!.AsArray();
        Assert.Equal(
            ["Architecture Focus", "Development Approach", "Collaboration", "Testing Strategy", "Scalability", "Tooling", "Advantages", "Challenges"],
            table.Select(aspect => aspect!["name"]!.GetValue<string>()));
        Assert.All(table, aspect => Assert.Equal(2, aspect!["stances"]!.AsArray().Count));
        var testing = table[3]!["stances"]!.AsArray();
        Assert.Contains(testing, stance => stance!["text"]!.GetValue<string>() == "Contract testing, mock servers, API validation tools");
        Snapshot.Match(table.ToJsonString(Indented));
    }

    [Fact]
    public async Task Term_found_by_abbreviation_BFF_reaches_its_patterns_and_both_perspectives()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("TermByAbbreviation"), new { name = "bff" });

        var term = DataOf(response)["termByName"]!;
        Assert.Equal("Backend for Frontend", term["name"]!.GetValue<string>());
        Assert.Contains(term["patterns"]!.AsArray(), pattern => pattern!["name"]!.GetValue<string>().Contains("Frontend", StringComparison.Ordinal));
        Assert.Equal(
            ["API-First Developer", "Backend Developer"],
            term["perspectives"]!.AsArray().Select(view => view!["role"]!["name"]!.GetValue<string>()).Order());
        Snapshot.Match(term.ToJsonString(Indented));
    }

    [Fact]
    public async Task Role_reaches_related_terms_through_patterns_and_terms()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RoleToRelatedTerms"), new { slug = "backend-developer" });

        var role = DataOf(response)["role"]!;
        var relatedTerms = role["favouredPatterns"]!.AsArray()
            .SelectMany(pattern => pattern!["describedBy"]!.AsArray())
            .SelectMany(term => term!["relatedTerms"]!.AsArray());
        Assert.NotEmpty(relatedTerms);
        Snapshot.Match(role.ToJsonString(Indented));
    }

    [Fact]
    public async Task Every_record_in_the_content_files_is_reachable_through_the_gateway()
    {
        var response = await system.Gateway.PostGraphQLAsync(
            """
            { roles(first: 50) { nodes { slug } } comparisonTable(first: 50) { nodes { slug } } tools(first: 50) { nodes { slug } }
              patterns(first: 50) { nodes { slug } } practices(first: 50) { nodes { slug } } terms(first: 50) { nodes { slug } } }
            """);

        var data = DataOf(response);
        foreach (var (field, subgraph, file) in new[]
        {
            ("roles", "Roles", "roles.json"), ("comparisonTable", "Roles", "comparison-aspects.json"), ("tools", "Roles", "tools.json"),
            ("patterns", "Patterns", "patterns.json"), ("practices", "Patterns", "practices.json"), ("terms", "Glossary", "terms.json"),
        })
        {
            var inFile = JsonNode.Parse(File.ReadAllText(Repo.Path("subgraphs", subgraph, "Data", "Seed", file)))!.AsArray()
                .Select(record => record!["slug"]!.GetValue<string>()).ToHashSet();
            var inGraph = data[field]!["nodes"]!.AsArray().Select(record => record!["slug"]!.GetValue<string>()).ToHashSet();
            // A subset: curation tests sharing this system may have added records.
            Assert.Subset(inGraph, inFile);
        }
    }

    private static JsonNode DataOf(GraphQLResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.True(response.Errors is null, response.ToString());
        return response.Data!;
    }
}
