using System.Text.Json;
using Snapshooter.Xunit;

namespace Glossary.Tests;

/// <summary>The subgraph's contract, as the gateway's composition and clients see it.</summary>
public sealed class GlossarySchemaTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Subgraph_sdl_matches_the_snapshot() => Snapshot.Match(await _client.SubgraphSdlAsync());

    [Fact]
    public async Task Terms_with_perspectives_and_patterns_match_the_snapshot()
    {
        var response = await _client.PostGraphQLAsync("{ terms(first: 50) { nodes { slug name abbreviations kind relatedTerms { slug } patterns { id } perspectives { role { id } text } } } }");

        Snapshot.Match(GraphQLAssert.Data(response).ToJsonString(Indented));
    }
}
