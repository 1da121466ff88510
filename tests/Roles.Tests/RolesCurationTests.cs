using System.Text.Json.Nodes;

namespace Roles.Tests;

/// <summary>Curation in the roles subgraph: tools, and the wording of the comparison table's cells.</summary>
public sealed class RolesCurationTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private const string UpdateStance = """
        mutation($input: UpdateRoleStanceInput!) { updateRoleStance(input: $input) { text version role { slug } } }
        """;

    private static readonly string[] ApiFirst = ["api-first-developer"];
    private static readonly string[] Frontend = ["frontend-developer"];

    private readonly HttpClient _anonymous = factory.CreateClient();
    private readonly HttpClient _curator = factory.CreateClient(TestTokens.Create());

    [Fact]
    public async Task Tool_is_created_updated_and_deleted_with_its_roles_checked()
    {
        var created = GraphQLAssert.Data(await _curator.PostGraphQLAsync(
            "mutation($input: CreateToolInput!) { createTool(input: $input) { slug version roles { slug } } }",
            new { input = new { slug = "insomnia", name = "Insomnia", category = "API_TESTING", description = "An API client.", roles = ApiFirst, section = "Tooling and Technology Stack for Each Role" } }));
        var unknownRole = await _curator.PostGraphQLAsync(
            "mutation($input: CreateToolInput!) { createTool(input: $input) { slug } }",
            new { input = new { slug = "paw", name = "Paw", category = "API_TESTING", description = "An API client.", roles = Frontend, section = "Tooling and Technology Stack for Each Role" } });
        var updated = GraphQLAssert.Data(await _curator.PostGraphQLAsync(
            "mutation { updateTool(input: { slug: \"insomnia\", version: 1, description: \"Kong's API client.\" }) { description version } }"));
        var deleted = GraphQLAssert.Data(await _curator.PostGraphQLAsync("mutation { deleteTool(input: { slug: \"insomnia\", version: 2 }) }"));

        Assert.Equal(1, created["createTool"]!["version"]!.GetValue<int>());
        Assert.Equal("api-first-developer", created["createTool"]!["roles"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal("BAD_USER_INPUT", unknownRole.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2, updated["updateTool"]!["version"]!.GetValue<int>());
        Assert.NotNull(deleted["deleteTool"]);
        Assert.Null(GraphQLAssert.Data(await _anonymous.PostGraphQLAsync("{ tool(slug: \"insomnia\") { slug } }"))["tool"]);
    }

    [Fact]
    public async Task Role_stance_is_reworded_once_per_version()
    {
        var input = new JsonObject { ["role"] = "backend-developer", ["aspect"] = "tooling", ["text"] = "IDEs, frameworks, ORMs, databases", ["version"] = 1 };

        var first = await _curator.PostGraphQLAsync(UpdateStance, new { input });
        var stale = await _curator.PostGraphQLAsync(UpdateStance, new { input });
        var anonymous = await _anonymous.PostGraphQLAsync(UpdateStance, new { input });

        Assert.Equal(2, GraphQLAssert.Data(first)["updateRoleStance"]!["version"]!.GetValue<int>());
        Assert.Equal("CONFLICT", stale.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2, stale.Errors![0]!["extensions"]!["currentVersion"]!.GetValue<int>());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        var table = GraphQLAssert.Data(await _anonymous.PostGraphQLAsync("{ comparisonAspect(slug: \"tooling\") { stances { role { slug } text version } } }"));
        var cell = table["comparisonAspect"]!["stances"]!.AsArray().Single(stance => stance!["role"]!["slug"]!.GetValue<string>() == "backend-developer")!;
        Assert.Equal("IDEs, frameworks, ORMs, databases", cell["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_stance_text_is_refused()
    {
        var response = await _curator.PostGraphQLAsync(UpdateStance, new { input = new { role = "backend-developer", aspect = "scalability", text = " ", version = 1 } });

        Assert.Equal("BAD_USER_INPUT", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("text", response.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }
}
