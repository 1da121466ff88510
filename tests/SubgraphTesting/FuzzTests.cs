using System.Net;
using Xunit;
using Xunit.Abstractions;

namespace SubgraphTesting;

/// <summary>
/// Two thousand generated malformed or abusive requests (<see cref="RequestFuzzer"/>) against one
/// subgraph: not one may get a 5xx, and the subgraph must answer a real query afterwards. The status
/// histogram goes to the test output. bench/fuzz.sh sends 10,000.
/// </summary>
public abstract class FuzzTests<TProgram>(SubgraphFactory<TProgram> factory, ITestOutputHelper output) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    /// <summary>A list field cycle of this subgraph, for the fuzzer's deep and typed queries.</summary>
    protected abstract ListCycle Lists { get; }

    [Fact]
    public async Task Two_thousand_malformed_or_abusive_requests_get_no_5xx_and_the_subgraph_keeps_answering()
    {
        var client = factory.CreateClient();

        var (histogram, serverErrors) = await FuzzRun.SendAsync(client, new RequestFuzzer(FuzzRun.Seed, Lists), FuzzRun.RequestsPerEndpoint);

        output.WriteLine(histogram.ToString());
        Assert.Equal(FuzzRun.RequestsPerEndpoint, histogram.Total);
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        GraphQLAssert.Data(await client.PostGraphQLAsync($"{{ {Lists.Root}(first: 1) {{ totalCount }} }}"));
    }
}
