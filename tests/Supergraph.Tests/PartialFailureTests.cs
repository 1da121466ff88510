using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>A system of its own, in production mode as deployed, because these tests stop a subgraph.</summary>
public sealed class PartialFailureTests(PartialFailureTests.OwnSystem system, ITestOutputHelper output) : IClassFixture<PartialFailureTests.OwnSystem>
{
    [Fact]
    public async Task Under_load_a_stopped_glossary_costs_only_its_fields_which_return_after_its_restart_without_touching_the_gateway()
    {
        // Each sample: when the request was sent, when it was answered, and what it had.
        var samples = new ConcurrentQueue<(TimeSpan Sent, TimeSpan At, bool OthersAnswered, bool GlossaryAnswered)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = clock.Elapsed;
                var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
                var role = response.Data?["role"];
                samples.Enqueue((
                    sent,
                    clock.Elapsed,
                    role?["name"] is not null && role["favouredPatterns"] is JsonArray { Count: > 0 },
                    role?["termPerspectives"] is JsonArray { Count: > 0 }));
            }
        }));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var stoppedAt = clock.Elapsed;
        system.StopSubgraph("Glossary");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restartedAt = clock.Elapsed;
        await system.RestartSubgraphAsync("Glossary");
        var readyAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await load;

        var all = samples.OrderBy(sample => sample.At).ToList();
        var failed = all.Where(sample => !sample.GlossaryAnswered).ToList();
        output.WriteLine($"{all.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s; glossary stopped at {stoppedAt.TotalSeconds:0.00} s, restarted at {restartedAt.TotalSeconds:0.00} s, ready at {readyAt.TotalSeconds:0.00} s");
        output.WriteLine(failed.Count == 0
            ? "no glossary errors"
            : $"glossary fields missing from {failed[0].At.TotalSeconds:0.00} s to {failed[^1].At.TotalSeconds:0.00} s in {failed.Count} responses; roles and patterns answered in all {all.Count}");
        Assert.All(all, sample => Assert.True(sample.OthersAnswered, $"roles or patterns data missing at {sample.At}"));
        Assert.All(all.Where(sample => sample.At < stoppedAt), sample => Assert.True(sample.GlossaryAnswered));
        Assert.NotEmpty(failed);
        // A request sent in the outage may be answered only after the restart: while the new process starts,
        // the gateway's call can wait out the upstream timeout and its retry (seconds, on a loaded machine).
        Assert.InRange(failed[0].Sent, TimeSpan.Zero, readyAt);
        // Sent a second after the glossary was ready, a request gets its data again: the gateway reconnects by itself.
        Assert.True(failed[^1].Sent <= readyAt + TimeSpan.FromSeconds(1), $"glossary data still missing from a request sent {failed[^1].Sent - readyAt} after it was ready");
        Assert.True(all[^1].GlossaryAnswered);
    }

    [Fact]
    public async Task Glossary_killed_during_acknowledged_writes_reopens_cleanly_with_every_acknowledged_write()
    {
        using var curator = new HttpClient { BaseAddress = system.SubgraphUrl("Glossary") };
        curator.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Create());
        var acknowledged = new ConcurrentBag<string>();
        var attempted = 0;
        using var stop = new CancellationTokenSource();
        var writers = Task.WhenAll(Enumerable.Range(0, 4).Select(async writer =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var slug = $"crash-{writer}-{i}";
                Interlocked.Increment(ref attempted);
                try
                {
                    var response = await curator.PostGraphQLAsync(
                        "mutation($input: CreateTermInput!) { createTerm(input: $input) { slug } }",
                        new { input = new { slug, name = "Crash " + slug, kind = "CONCEPT", definition = "Written before a kill -9.", section = "Related Important Terms" } });
                    if (response.Status == HttpStatusCode.OK && response.Errors is null)
                    {
                        acknowledged.Add(slug);
                    }
                }
                catch (HttpRequestException)
                {
                    // The process is gone; a write without an answer was never acknowledged.
                }
            }
        }));

        // Killed once writes are being acknowledged: a fixed wait saw none on a loaded machine, where the
        // first writes (JIT, SQLite's first transaction) take seconds.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        system.StopSubgraph("Glossary");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await stop.CancelAsync();
        await writers;
        await system.RestartSubgraphAsync("Glossary");

        output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill ({attempted} attempts, most of them refused connections after it)");
        Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} writes were acknowledged");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={system.DatabasePath("Glossary")};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }

        using var reader = new HttpClient { BaseAddress = system.SubgraphUrl("Glossary") };
        var found = 0;
        foreach (var slugs in acknowledged.Chunk(100))
        {
            var stored = GraphQLAssert.Data(await reader.PostGraphQLAsync(
                "query($slugs: [String!]) { terms(where: { slug: { in: $slugs } }) { totalCount } }", new { slugs }));
            found += stored["terms"]!["totalCount"]!.GetValue<int>();
        }

        Assert.Equal(acknowledged.Count, found);
    }

    [Fact]
    public async Task With_glossary_stopped_roles_and_patterns_still_answer_with_errors_that_name_the_glossary()
    {
        system.StopSubgraph("Glossary");
        try
        {
            var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var role = response.Data?["role"];
            Assert.True(role is not null, response.ToString());
            Assert.Equal("Backend Developer", role["name"]!.GetValue<string>());
            Assert.NotEmpty(role["tools"]!.AsArray());
            var patterns = role["favouredPatterns"]!.AsArray();
            Assert.NotEmpty(patterns);
            Assert.All(patterns, pattern => Assert.NotNull(pattern!["name"]));
            Assert.Null(role["termPerspectives"]);
            AssertEveryErrorNames("glossary", response);
            Assert.Contains(response.Errors!, error => error!["path"]!.ToJsonString() == """["role","termPerspectives"]""");
        }
        finally
        {
            await system.RestartSubgraphAsync("Glossary");
        }

        var recovered = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
        Assert.True(recovered.Errors is null, recovered.ToString());
        Assert.True(recovered.Data?["role"]?["termPerspectives"] is JsonArray { Count: > 0 }, recovered.ToString());
    }

    [Fact]
    public async Task With_roles_stopped_search_still_returns_the_other_subgraphs_results_with_errors_that_name_roles()
    {
        system.StopSubgraph("Roles");
        try
        {
            var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "API", first = 50 });

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var results = response.Data?["search"]?["results"]?.AsArray();
            Assert.True(results is { Count: > 0 }, response.ToString());
            var types = results.Select(result => result?["node"]?["__typename"]?.GetValue<string>()).ToHashSet();
            Assert.Contains("Term", types);
            Assert.Contains("Practice", types);
            Assert.DoesNotContain("Role", types);
            Assert.DoesNotContain("Tool", types);
            AssertEveryErrorNames("roles", response);
            Assert.Equal("""["search"]""", Assert.Single(response.Errors!)!["path"]!.ToJsonString());
        }
        finally
        {
            await system.RestartSubgraphAsync("Roles");
        }
    }

    public sealed class OwnSystem : ProductionSystem;

    /// <summary>
    /// Each error names the subgraph that did not answer, with Hive Gateway's code for a failed call and
    /// the correlation id, and nothing of the gateway's internals: no address, no socket error, no stack.
    /// </summary>
    private static void AssertEveryErrorNames(string serviceName, GraphQLResponse response)
    {
        Assert.True(response.Errors is { Count: > 0 }, response.ToString());
        Assert.All(response.Errors, error =>
        {
            Assert.Equal($"The {serviceName} subgraph is unavailable.", error!["message"]!.GetValue<string>());
            Assert.Equal("SUBREQUEST_HTTP_ERROR", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(serviceName, error["extensions"]!["serviceName"]!.GetValue<string>());
            Assert.Equal(response.CorrelationId, error["extensions"]!["correlationId"]!.GetValue<string>());
            Assert.NotNull(error["path"]);
            Assert.Equal(["code", "serviceName", "correlationId"], error["extensions"]!.AsObject().Select(extension => extension.Key));
        });
        var errors = response.Errors.ToJsonString();
        Assert.DoesNotContain("ECONNREFUSED", errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", errors, StringComparison.Ordinal);
    }
}
