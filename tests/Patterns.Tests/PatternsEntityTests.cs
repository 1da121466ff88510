using System.Text.Json.Nodes;
using SubgraphKit.Identity;

namespace Patterns.Tests;

/// <summary>The gateway's view of this subgraph: <c>_entities</c> for what it owns and for what it extends.</summary>
public sealed class PatternsEntityTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Architecture_pattern_resolves_by_its_global_id()
    {
        var pattern = await ResolveOneAsync("ArchitecturePattern", GlobalId.Encode("ArchitecturePattern", "monolith"), "id slug name category roleStances { preference }");

        Assert.Equal("monolith", pattern?["slug"]?.GetValue<string>());
        Assert.Equal("Monolithic Architecture", pattern?["name"]?.GetValue<string>());
        Assert.Equal("APPLICATION_STRUCTURE", pattern?["category"]?.GetValue<string>());
        Assert.NotEmpty(pattern?["roleStances"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Practice_resolves_by_its_global_id_with_keys_of_the_entities_it_links()
    {
        var practice = await ResolveOneAsync("Practice", GlobalId.Encode("Practice", "api-testing-with-postman"), "id slug name category roles { id } tools { id }");

        Assert.Equal("API testing", practice?["name"]?.GetValue<string>());
        Assert.Equal("TESTING", practice?["category"]?.GetValue<string>());
        Assert.Equal([GlobalId.Encode("Role", "api-first-developer")], Ids(practice?["roles"]));
        Assert.Equal([GlobalId.Encode("Tool", "postman")], Ids(practice?["tools"]));
    }

    [Theory]
    [InlineData("ArchitecturePattern")]
    [InlineData("Practice")]
    public async Task Unknown_slug_of_an_owned_type_resolves_to_null_without_error(string typeName)
    {
        Assert.Null(await ResolveOneAsync(typeName, GlobalId.Encode(typeName, "no-such-slug"), "id"));
    }

    [Theory]
    [InlineData("ArchitecturePattern", "%%garbage%%")]
    [InlineData("Practice", "Um9sZTpiYWNrZW5kLWRldmVsb3Blcg")] // a Role's id sent as a Practice
    public async Task Malformed_or_foreign_id_of_an_owned_type_resolves_to_null_without_error(string typeName, string id)
    {
        Assert.Null(await ResolveOneAsync(typeName, id, "id"));
    }

    [Fact]
    public async Task Role_gets_its_pattern_stances_and_practices_from_this_subgraph()
    {
        var id = GlobalId.Encode("Role", "backend-developer");

        var role = await ResolveOneAsync("Role", id, "id patternStances { preference pattern { slug } } favouredPatterns { slug } practices { slug }");

        Assert.Equal(id, role?["id"]?.GetValue<string>());
        Assert.Contains("monolith", Slugs(role?["favouredPatterns"]));
        Assert.NotEmpty(role?["patternStances"]?.AsArray() ?? []);
        Assert.NotEmpty(role?["practices"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Tool_gets_the_practices_it_supports()
    {
        var tool = await ResolveOneAsync("Tool", GlobalId.Encode("Tool", "postman"), "id practices { slug }");

        Assert.Contains("api-testing-with-postman", Slugs(tool?["practices"]));
    }

    [Fact]
    public async Task Term_gets_the_practices_that_rest_on_it()
    {
        var term = await ResolveOneAsync("Term", GlobalId.Encode("Term", "api-contract"), "id practices { slug }");

        Assert.Contains("contract-testing", Slugs(term?["practices"]));
    }

    [Fact]
    public async Task Contributed_entity_with_an_unknown_key_has_no_practices_and_no_error()
    {
        var role = await ResolveOneAsync("Role", GlobalId.Encode("Role", "no-such-role"), "id practices { slug }");

        Assert.Empty(role?["practices"]?.AsArray() ?? [null]);
    }

    private async Task<JsonNode?> ResolveOneAsync(string typeName, string id, string selection)
    {
        var response = await _client.PostGraphQLAsync(
            Entities.QueryFor(typeName, selection), Entities.Variables([Entities.Representation(typeName, id)]));

        return Assert.Single(GraphQLAssert.Data(response)["_entities"]!.AsArray());
    }

    private static List<string?> Slugs(JsonNode? list) => [.. (list?.AsArray() ?? []).Select(item => item?["slug"]?.GetValue<string>())];

    private static List<string?> Ids(JsonNode? list) => [.. (list?.AsArray() ?? []).Select(item => item?["id"]?.GetValue<string>())];
}
