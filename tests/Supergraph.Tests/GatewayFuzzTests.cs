using System.Net;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// The subgraphs' fuzz run (<see cref="RequestFuzzer"/>), through the real gateway: two thousand
/// malformed or abusive requests, no 5xx, and afterwards the gateway and all three subgraphs still
/// answer a query that needs them all.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class GatewayFuzzTests(SupergraphFixture system, ITestOutputHelper output)
{
    private static readonly ListCycle Lists = new("roles", "tools", "roles");

    [Fact]
    public async Task Two_thousand_malformed_or_abusive_requests_get_no_5xx_and_the_gateway_keeps_answering()
    {
        var (histogram, serverErrors) = await FuzzRun.SendAsync(system.Gateway, new RequestFuzzer(FuzzRun.Seed, Lists), FuzzRun.RequestsPerEndpoint);

        output.WriteLine(histogram.ToString());
        Assert.Equal(FuzzRun.RequestsPerEndpoint, histogram.Total);
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync("/readiness")).StatusCode);
        var response = await system.Gateway.PostGraphQLAsync("""{ role(slug: "backend-developer") { name favouredPatterns { name } termPerspectives { text } } }""");
        Assert.True(response.Errors is null, response.ToString());
        Assert.NotEmpty(response.Data!["role"]!["termPerspectives"]!.AsArray());
    }
}
