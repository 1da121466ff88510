using System.Text.Json.Nodes;
using SubgraphKit.Identity;

namespace Glossary.Tests;

/// <summary>The gateway's view of this subgraph: <c>_entities</c> for Term, and for the Role and ArchitecturePattern it extends.</summary>
public sealed class GlossaryEntityTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Term_resolves_by_its_global_id()
    {
        var term = await ResolveOneAsync("Term", GlobalId.Encode("Term", "backend-for-frontend"), "id slug name abbreviations kind patterns { id } perspectives { text }");

        Assert.Equal("Backend for Frontend", term?["name"]?.GetValue<string>());
        Assert.Equal(["BFF"], term?["abbreviations"]?.AsArray().Select(a => a?.GetValue<string>()) ?? []);
        Assert.Equal("RELATED_IMPORTANT_TERM", term?["kind"]?.GetValue<string>());
        Assert.Equal(GlobalId.Encode("ArchitecturePattern", "backend-for-frontend"), term?["patterns"]?[0]?["id"]?.GetValue<string>());
        Assert.Equal(2, term?["perspectives"]?.AsArray().Count);
    }

    [Theory]
    [InlineData("Term", null)]
    [InlineData("Term", "%%garbage%%")]
    [InlineData("Term", "Um9sZTpiYWNrZW5kLWRldmVsb3Blcg")] // a Role's id sent as a Term
    public async Task Unknown_malformed_or_foreign_term_id_resolves_to_null_without_error(string typeName, string? id)
    {
        Assert.Null(await ResolveOneAsync(typeName, id ?? GlobalId.Encode(typeName, "no-such-term"), "id"));
    }

    [Fact]
    public async Task Role_gets_its_term_perspectives_from_this_subgraph()
    {
        var id = GlobalId.Encode("Role", "api-first-developer");

        var role = await ResolveOneAsync("Role", id, "id termPerspectives { term { slug } text }");

        Assert.Equal(id, role?["id"]?.GetValue<string>());
        var terms = role?["termPerspectives"]?.AsArray().Select(p => p?["term"]?["slug"]?.GetValue<string>()).ToList();
        Assert.Contains("backend-for-frontend", terms ?? []);
    }

    [Fact]
    public async Task Architecture_pattern_gets_the_terms_that_describe_it()
    {
        var pattern = await ResolveOneAsync("ArchitecturePattern", GlobalId.Encode("ArchitecturePattern", "hypermedia-driven-api"), "id describedBy { slug }");

        var terms = pattern?["describedBy"]?.AsArray().Select(t => t?["slug"]?.GetValue<string>()).ToList();
        Assert.Contains("hateoas", terms ?? []);
    }

    [Fact]
    public async Task Contributed_entity_with_an_unknown_key_has_no_terms_and_no_error()
    {
        var pattern = await ResolveOneAsync("ArchitecturePattern", GlobalId.Encode("ArchitecturePattern", "no-such-pattern"), "id describedBy { slug }");

        Assert.Empty(pattern?["describedBy"]?.AsArray() ?? [null]);
    }

    private async Task<JsonNode?> ResolveOneAsync(string typeName, string id, string selection)
    {
        var response = await _client.PostGraphQLAsync(
            Entities.QueryFor(typeName, selection), Entities.Variables([Entities.Representation(typeName, id)]));

        return Assert.Single(GraphQLAssert.Data(response)["_entities"]!.AsArray());
    }
}
