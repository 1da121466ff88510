using System.Text.Json;
using Snapshooter.Xunit;

namespace Patterns.Tests;

/// <summary>The subgraph's contract, as the gateway's composition and clients see it.</summary>
public sealed class PatternsSchemaTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Subgraph_sdl_matches_the_snapshot() => Snapshot.Match(await _client.SubgraphSdlAsync());

    [Fact]
    public async Task Patterns_with_stances_practices_and_terms_match_the_snapshot()
    {
        var response = await _client.PostGraphQLAsync("{ patterns(first: 50) { nodes { slug name category roleStances { role { id } preference } practices { slug } relatedTerms { id } } } }");

        Snapshot.Match(GraphQLAssert.Data(response).ToJsonString(Indented));
    }
}
