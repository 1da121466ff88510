using System.Text.Json.Nodes;
using SubgraphKit.Identity;

namespace Roles.Tests;

/// <summary>The gateway's view of the entities this subgraph owns: <c>_entities</c> by global id.</summary>
public sealed class RolesEntityTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Role_resolves_by_its_global_id()
    {
        var role = await ResolveOneAsync("Role", GlobalId.Encode("Role", "api-first-developer"), "id slug name tools { slug }");

        Assert.Equal("api-first-developer", role?["slug"]?.GetValue<string>());
        Assert.Equal("API-First Developer", role?["name"]?.GetValue<string>());
        Assert.NotEmpty(role?["tools"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Tool_resolves_by_its_global_id()
    {
        var tool = await ResolveOneAsync("Tool", GlobalId.Encode("Tool", "postman"), "id slug name category roles { slug }");

        Assert.Equal("postman", tool?["slug"]?.GetValue<string>());
        Assert.Equal("Postman", tool?["name"]?.GetValue<string>());
        Assert.Equal("API_TESTING", tool?["category"]?.GetValue<string>());
    }

    [Fact]
    public async Task Comparison_aspect_resolves_by_its_global_id_with_both_stances()
    {
        var aspect = await ResolveOneAsync("ComparisonAspect", GlobalId.Encode("ComparisonAspect", "testing-strategy"),
            "id slug name position stances { role { slug } text }");

        Assert.Equal("Testing Strategy", aspect?["name"]?.GetValue<string>());
        Assert.Equal(4, aspect?["position"]?.GetValue<int>());
        var stanceRoles = aspect?["stances"]?.AsArray().Select(stance => stance?["role"]?["slug"]?.GetValue<string>()).Order();
        Assert.Equal(["api-first-developer", "backend-developer"], stanceRoles!);
    }

    [Fact]
    public async Task Resolved_entity_carries_the_id_it_was_asked_for()
    {
        var id = GlobalId.Encode("Role", "backend-developer");

        var role = await ResolveOneAsync("Role", id, "id");

        Assert.Equal(id, role?["id"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("Role")]
    [InlineData("Tool")]
    [InlineData("ComparisonAspect")]
    public async Task Unknown_slug_resolves_to_null_without_error(string typeName)
    {
        Assert.Null(await ResolveOneAsync(typeName, GlobalId.Encode(typeName, "no-such-slug"), "id"));
    }

    [Theory]
    [InlineData("Role", "%%garbage%%")]
    [InlineData("Role", "")]
    [InlineData("Tool", "cG9zdG1hbg")] // base64url of "postman": no type prefix
    [InlineData("Tool", "Um9sZTpiYWNrZW5kLWRldmVsb3Blcg")] // a Role's id sent as a Tool
    [InlineData("ComparisonAspect", "Q29tcGFyaXNvbkFzcGVjdDo")] // "ComparisonAspect:" with no slug
    public async Task Malformed_or_foreign_id_resolves_to_null_without_error(string typeName, string id)
    {
        Assert.Null(await ResolveOneAsync(typeName, id, "id"));
    }

    [Fact]
    public async Task Entities_keep_the_order_of_the_representations()
    {
        string[] slugs = ["postman", "django", "nope", "ides"];
        var representations = slugs.Select(slug => Entities.RepresentationOf("Tool", slug));

        var response = await _client.PostGraphQLAsync(Entities.QueryFor("Tool", "slug"), Entities.Variables(representations));

        var entities = GraphQLAssert.Data(response)["_entities"]!.AsArray();
        Assert.Equal(["postman", "django", null, "ides"], entities.Select(entity => entity?["slug"]?.GetValue<string>()));
    }

    private async Task<JsonNode?> ResolveOneAsync(string typeName, string id, string selection)
    {
        var response = await _client.PostGraphQLAsync(
            Entities.QueryFor(typeName, selection), Entities.Variables([Entities.Representation(typeName, id)]));

        var entities = GraphQLAssert.Data(response)["_entities"]!.AsArray();
        return Assert.Single(entities);
    }
}
