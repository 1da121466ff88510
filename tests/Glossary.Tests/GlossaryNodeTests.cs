using System.Text.Json.Nodes;
using SubgraphKit.Identity;

namespace Glossary.Tests;

/// <summary>
/// Query.node and Query.nodes, which this subgraph owns: a Term is loaded here; any other entity type
/// comes back as its key, for the gateway to complete from the owner; anything else is null.
/// </summary>
public sealed class GlossaryNodeTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Node_loads_a_term_by_its_id()
    {
        var node = await NodeAsync(GlobalId.Encode("Term", "hateoas"), "... on Term { slug name }");

        Assert.Equal("Term", node?["__typename"]?.GetValue<string>());
        Assert.Equal("hateoas", node?["slug"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("Role", "backend-developer")]
    [InlineData("ComparisonAspect", "testing-strategy")]
    [InlineData("Tool", "postman")]
    [InlineData("ArchitecturePattern", "monolith")]
    [InlineData("Practice", "contract-testing")]
    public async Task Node_of_another_subgraphs_type_is_its_key(string typeName, string slug)
    {
        var id = GlobalId.Encode(typeName, slug);

        var node = await NodeAsync(id, "");

        Assert.Equal(typeName, node?["__typename"]?.GetValue<string>());
        Assert.Equal(id, node?["id"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("%%not-an-id%%")]
    [InlineData("")]
    [InlineData("VGVybQ")] // "Term": no separator
    [InlineData("VGVybTo")] // "Term:": no slug
    [InlineData("Tm9TdWNoVHlwZTp4")] // "NoSuchType:x"
    [InlineData("U2VhcmNoSGl0Ong")] // "SearchHit:x": a type, but not a Node
    [InlineData("VGVybTpuby1zdWNoLXRlcm0")] // "Term:no-such-term"
    [InlineData("AAECAwQFBgcICQoLDA0ODw")] // bytes 0 to 15: base64 of garbage
    [InlineData("QUJD====")] // base64 with too much padding
    [InlineData("UXVlcnk6eA")] // "Query:x": a type, the root
    [InlineData("X1NlcnZpY2U6eA")] // "_Service:x": federation's own type
    [InlineData("VGVybUZpbHRlcklucHV0Ong")] // "TermFilterInput:x": an input type
    [InlineData("VGVybToA")] // "Term:\0"
    public async Task Node_of_a_malformed_unknown_or_missing_id_is_null_without_error(string id)
    {
        Assert.Null(await NodeAsync(id, ""));
    }

    [Theory]
    [InlineData(513)]
    [InlineData(90_000)]
    public async Task Node_of_a_huge_id_is_null_without_error(int length)
    {
        Assert.Null(await NodeAsync(new string('A', length), ""));
    }

    [Fact]
    public async Task Nodes_of_malformed_unknown_or_missing_ids_are_each_null_without_error()
    {
        string[] ids = ["", "%%not-an-id%%", "AAECAwQFBgcICQoLDA0ODw", "UXVlcnk6eA", "VGVybTpuby1zdWNoLXRlcm0", new string('A', 5000)];

        var response = await _client.PostGraphQLAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });

        Assert.Equal(ids.Select(_ => (JsonNode?)null), GraphQLAssert.Data(response)["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Nodes_keep_the_order_of_the_ids_with_null_for_the_unknown_and_load_terms_in_one_query()
    {
        string[] ids =
        [
            GlobalId.Encode("Term", "oauth"), "garbage", GlobalId.Encode("Role", "backend-developer"),
            GlobalId.Encode("Term", "api"), GlobalId.Encode("Term", "no-such-term"),
        ];

        factory.SqlCommands.Reset();
        var response = await _client.PostGraphQLAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });

        var nodes = GraphQLAssert.Data(response)["nodes"]!.AsArray();
        Assert.Equal([ids[0], null, ids[2], ids[3], null], nodes.Select(node => node?["id"]?.GetValue<string>()));
        Assert.Equal(1, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task Nodes_with_more_than_100_ids_is_a_bad_user_input_error()
    {
        var ids = Enumerable.Range(0, 101).Select(i => GlobalId.Encode("Term", "t" + i)).ToArray();

        var response = await _client.PostGraphQLAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        GraphQLAssert.NoStackTrace(response);
        Assert.Equal("BAD_USER_INPUT", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    private async Task<JsonNode?> NodeAsync(string id, string selection)
    {
        var response = await _client.PostGraphQLAsync($"query ($id: ID!) {{ node(id: $id) {{ __typename id {selection} }} }}", new { id });

        return GraphQLAssert.Data(response)["node"];
    }
}
