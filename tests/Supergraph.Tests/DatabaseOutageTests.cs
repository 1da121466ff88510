using System.Diagnostics;
using System.Globalization;
using System.Net;
using SubgraphKit.Errors;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// A running subgraph whose PostgreSQL server stops and comes back: not ready meanwhile, a prompt and
/// masked DATA_STORE_UNAVAILABLE for every request, never a hang or an internal error, and back to
/// serving by itself, the same process, once the server returns.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class DatabaseOutageTests(OneGlossaryOnPrivatePostgres system, ITestOutputHelper output) : IClassFixture<OneGlossaryOnPrivatePostgres>
{
    private const string Query = """{ term(slug: "hateoas") { name } }""";

    /// <summary>What "promptly" means for a request that meets the outage: far below a client's patience, far above a refused connect.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    /// <summary>How long the tests wait for a state to be reached; generous, as the machine is shared.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly SubgraphInstance _glossary = system.Instances[0];

    [Fact]
    public async Task With_its_database_down_a_subgraph_is_unready_and_answers_data_store_unavailable_promptly_then_recovers_by_itself()
    {
        // Several pooled connections are open and idle now: the shutdown ends them under the subgraph.
        const int Concurrent = 8;
        Assert.All(await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => _glossary.Reader.PostGraphQLAsync(Query))), response => GraphQLAssert.Data(response));
        using var probe = new HttpClient { Timeout = Deadline };

        await system.Postgres.StopAsync();
        TimeSpan unreadyAfter;
        try
        {
            // At once, before anything else notices: these meet the pooled connections the shutdown broke (57P01).
            var onBrokenConnections = await TimedAsync(() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => _glossary.Reader.PostGraphQLAsync(Query))));
            Assert.True(onBrokenConnections.Elapsed < Prompt, $"{Concurrent} queries right after the stop took {onBrokenConnections.Elapsed.TotalSeconds:0.0} s");
            Assert.All(onBrokenConnections.Result, AssertDataStoreUnavailableAndMasked);

            unreadyAfter = await WaitUntilAsync(async () => await ReadinessAsync(probe) == HttpStatusCode.ServiceUnavailable, "/health/ready answers 503");

            // Then each kind of request on its own, twice, as the server stays down: new connections are refused.
            var outage = new List<(string Request, TimeSpan Elapsed)>();
            foreach (var (name, send) in new (string, Func<Task<GraphQLResponse>>)[]
            {
                ("query", () => _glossary.Reader.PostGraphQLAsync(Query)),
                ("query", () => _glossary.Reader.PostGraphQLAsync(Query)),
                ("write", () => _glossary.Curator.PostGraphQLAsync(GlossaryTerms.Create, new { input = GlossaryTerms.New(GlossaryTerms.UniqueSlug("during-outage")) })),
                ("write", () => _glossary.Curator.PostGraphQLAsync(GlossaryTerms.Create, new { input = GlossaryTerms.New(GlossaryTerms.UniqueSlug("during-outage")) })),
            })
            {
                var (response, elapsed) = await TimedAsync(send);
                outage.Add((name, elapsed));
                Assert.True(elapsed < Prompt, $"the {name} took {elapsed.TotalSeconds:0.0} s with the database down: {response}");
                AssertDataStoreUnavailableAndMasked(response);
            }

            output.WriteLine($"database stopped: {Concurrent} queries on broken pooled connections answered DATA_STORE_UNAVAILABLE within {onBrokenConnections.Elapsed.TotalMilliseconds:0} ms; "
                + $"503 after {unreadyAfter.TotalMilliseconds:0} ms; "
                + string.Join(", ", outage.Select(request => $"{request.Request} answered DATA_STORE_UNAVAILABLE in {request.Elapsed.TotalMilliseconds:0} ms")));
        }
        finally
        {
            if (!system.Postgres.IsRunning)
            {
                await system.Postgres.StartAsync();
            }
        }

        var readyAfter = await WaitUntilAsync(async () => await ReadinessAsync(probe) == HttpStatusCode.OK, "/health/ready answers 200 again");
        // A request may still meet a connection the outage broke; it must fail as the outage does, and the next ones recover.
        var failuresOnTheWay = 0;
        var servingAfter = await WaitUntilAsync(
            async () =>
            {
                var response = await _glossary.Reader.PostGraphQLAsync(Query);
                if (response.Status == HttpStatusCode.OK && response.Errors is null)
                {
                    return true;
                }

                failuresOnTheWay++;
                AssertDataStoreUnavailableAndMasked(response);
                return false;
            },
            "the query answers with data again");

        output.WriteLine($"database started: ready after {readyAfter.TotalMilliseconds:0} ms, answering with data a further {servingAfter.TotalMilliseconds:0} ms later "
            + $"({failuresOnTheWay} DATA_STORE_UNAVAILABLE on the way)");
        Assert.False(_glossary.Process.HasExited, "the subgraph exited during the outage:\n" + system.Logs);
        Assert.StartsWith("Hypermedia", GraphQLAssert.Data(await _glossary.Reader.PostGraphQLAsync(Query))["term"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>One error, DATA_STORE_UNAVAILABLE, and nothing of the driver's message: no host, port or exception.</summary>
    private void AssertDataStoreUnavailableAndMasked(GraphQLResponse response)
    {
        GlossaryTerms.SingleError(response, UnexpectedErrors.DataStoreUnavailableCode);
        foreach (var detail in new[] { "127.0.0.1", system.Postgres.Port.ToString(CultureInfo.InvariantCulture), "Npgsql", "Exception", "refused", "socket" })
        {
            Assert.False(response.Body.Contains(detail, StringComparison.OrdinalIgnoreCase), $"the production error names '{detail}': {response.Body}");
        }
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> send)
    {
        var clock = Stopwatch.StartNew();
        var result = await send();
        return (result, clock.Elapsed);
    }

    private async Task<HttpStatusCode> ReadinessAsync(HttpClient probe)
    {
        using var response = await probe.GetAsync(_glossary.Readiness);
        return response.StatusCode;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, returning how long that took; fails at the deadline.</summary>
    private async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"{what}: not within {Deadline.TotalSeconds} s\n{system.Logs}");
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }
}
