using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>Writes through the gateway: it forwards the bearer token, and the subgraph decides.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class CurationThroughGatewayTests(SupergraphFixture system)
{
    private const string Create = """
        mutation($input: CreateTermInput!) { createTerm(input: $input) { slug version } }
        """;

    [Fact]
    public async Task Gateway_forwards_the_token_so_a_curator_can_write_and_an_anonymous_client_cannot()
    {
        var anonymous = await system.Gateway.PostGraphQLAsync(Create, new { input = Term("gateway-anonymous-term") });
        using var curatorRequest = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        curatorRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create());
        curatorRequest.Content = JsonContent(Create, new { input = Term("gateway-curated-term") });
        var curator = await system.Gateway.SendGraphQLAsync(curatorRequest, MediaTypes.GraphQLResponse);

        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.True(curator.Errors is null, curator.ToString());
        Assert.Equal(1, curator.Data!["createTerm"]!["version"]!.GetValue<int>());
        var read = await system.Gateway.PostGraphQLAsync("""{ a: term(slug: "gateway-curated-term") { slug } b: term(slug: "gateway-anonymous-term") { slug } }""");
        Assert.Equal("gateway-curated-term", read.Data!["a"]!["slug"]!.GetValue<string>());
        Assert.Null(read.Data!["b"]);
    }

    private static JsonObject Term(string slug) => new()
    {
        ["slug"] = slug,
        ["name"] = "Term " + slug,
        ["kind"] = "CONCEPT",
        ["definition"] = "Added through the gateway.",
        ["section"] = "Related Important Terms",
    };

    private static StringContent JsonContent(string query, object variables) =>
        new(new JsonObject { ["query"] = query, ["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables) }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
