using System.Text.Json;
using Snapshooter.Xunit;

namespace Roles.Tests;

/// <summary>The subgraph's contract, as the gateway's composition and clients see it.</summary>
public sealed class RolesSchemaTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Subgraph_sdl_matches_the_snapshot() => Snapshot.Match(await _client.SubgraphSdlAsync());

    [Fact]
    public async Task Roles_with_tools_and_comparison_match_the_snapshot()
    {
        var response = await _client.PostGraphQLAsync("{ roles { nodes { slug name tools { slug } comparison { aspect { name } text } } } }");

        Snapshot.Match(GraphQLAssert.Data(response).ToJsonString(Indented));
    }
}
