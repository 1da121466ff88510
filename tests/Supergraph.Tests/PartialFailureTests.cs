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
        var samples = new Samples<(TimeSpan Sent, TimeSpan At, bool OthersAnswered, bool GlossaryAnswered, bool ErrorsNameGlossary)>();
        var roleId = GraphQLAssert.Data(await system.Gateway.PostGraphQLAsync("{ role(slug: \"backend-developer\") { id } }"))["role"]!["id"]!.GetValue<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = clock.Elapsed;
                var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
                var role = response.Data?["role"];
                samples.Add((
                    sent,
                    clock.Elapsed,
                    role?["name"] is not null && role["favouredPatterns"] is JsonArray { Count: > 0 },
                    role?["termPerspectives"] is JsonArray { Count: > 0 },
                    response.Errors?.All(error => error?["message"]?.GetValue<string>() == "Request to subgraph 'glossary' failed.") ?? true));
            }
        }));

        // Each phase lasts until enough answers show it (a fixed wait saw too few on a loaded machine).
        await samples.UntilAsync(seen => seen.Count(sample => sample.GlossaryAnswered) >= 20, "20 answers with the glossary's data");
        var stoppedAt = clock.Elapsed;
        system.StopSubgraph("Glossary");
        await samples.UntilAsync(seen => seen.Count(sample => sample.Sent > stoppedAt && !sample.GlossaryAnswered) >= 20, "20 answers without it after the stop");
        var restartedAt = clock.Elapsed;
        await system.RestartSubgraphAsync("Glossary");
        await FetchPerspectivesFromTheGlossaryAsync(roleId);
        var readyAt = clock.Elapsed;
        await samples.UntilAsync(seen => seen.Count(sample => sample.Sent > readyAt + TimeSpan.FromSeconds(1)) >= 20, "20 answers to requests sent a second after the restart");
        await stop.CancelAsync();
        await load;

        var all = samples.All.OrderBy(sample => sample.At).ToList();
        var failed = all.Where(sample => !sample.GlossaryAnswered).ToList();
        output.WriteLine($"{all.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s; glossary stopped at {stoppedAt.TotalSeconds:0.00} s, restarted at {restartedAt.TotalSeconds:0.00} s, ready at {readyAt.TotalSeconds:0.00} s");
        output.WriteLine(failed.Count == 0
            ? "no glossary errors"
            : $"glossary fields missing from {failed[0].At.TotalSeconds:0.00} s to {failed[^1].At.TotalSeconds:0.00} s in {failed.Count} responses; roles and patterns answered in all {all.Count}");
        Assert.All(all, sample => Assert.True(sample.OthersAnswered, $"roles or patterns data missing at {sample.At}"));
        Assert.All(all.Where(sample => sample.At < stoppedAt), sample => Assert.True(sample.GlossaryAnswered));
        Assert.NotEmpty(failed);
        Assert.All(all, sample => Assert.True(sample.ErrorsNameGlossary, $"an error at {sample.At} does not name the glossary"));
        // A request sent in the outage may be answered only after the restart: while the new process starts,
        // the gateway's call can wait out the glossary's timeout (5 s).
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
        var twentyAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempted = 0;
        var cutOff = 0;
        using var killed = new CancellationTokenSource();
        var writers = Task.WhenAll(Enumerable.Range(0, 4).Select(async writer =>
        {
            for (var i = 0; !killed.IsCancellationRequested; i++)
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
                        if (acknowledged.Count >= 20)
                        {
                            twentyAcknowledged.TrySetResult();
                        }
                    }
                }
                catch (HttpRequestException) when (killed.IsCancellationRequested)
                {
                    // The process is gone; a write without an answer was never acknowledged.
                    Interlocked.Increment(ref cutOff);
                }
            }
        }));

        try
        {
            // Killed once writes are being acknowledged: the first writes (JIT, the database's first transaction)
            // take seconds on a loaded machine. A writer's failure ends the wait, to be thrown below.
            await Task.WhenAny(twentyAcknowledged.Task, writers).WaitAsync(TimeSpan.FromSeconds(60));
            await killed.CancelAsync();
            system.StopSubgraph("Glossary");
            // Each writer stops at its next write: a write in flight at the kill has its outcome when they all have.
            await writers.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await killed.CancelAsync();
            await system.RestartSubgraphAsync("Glossary");
        }

        output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill ({attempted} attempts, {cutOff} cut off by it)");
        Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} writes were acknowledged");
        // SQLite's file is written by the killed process itself, so it must have survived the kill whole. On
        // PostgreSQL the server writes, and was not killed: the acknowledged rows below are the check there.
        if (TestDatabase.Engine == SubgraphKit.Data.DatabaseEngine.Sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"{system.Database("Glossary").ConnectionString};Mode=ReadOnly");
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
            SubgraphFailureAssert.EveryErrorNames("glossary", response);
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

    // The engine (0.103) skips a field whose @requires input failed, with no null and no error: Search.results
    // needs the roles' hits, so with roles stopped `results` is missing from `search` and nothing says why
    // (docs/gateway.md). Hive Gateway sent the glossary null hits and returned the other subgraphs' results
    // with an error naming roles. Neither its configuration nor the edge (which would need the query plan)
    // can restore that; what holds is that the request answers at once, with the rest of its data.
    [Fact]
    public async Task With_roles_stopped_search_answers_at_once_but_the_engine_drops_the_results_that_need_the_roles_hits_without_an_error()
    {
        var before = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "API", first = 50 });
        Assert.True(before.Data?["search"]?["results"] is JsonArray { Count: > 0 }, before.ToString());

        system.StopSubgraph("Roles");
        try
        {
            var clock = Stopwatch.StartNew();
            var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "API", first = 50 });

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var search = response.Data?["search"] as JsonObject;
            Assert.True(search is not null, response.ToString());
            Assert.False(search.ContainsKey("results"), response.ToString());
            Assert.Null(response.Errors);
            // Well inside one subgraph timeout (5 s): a refused call is not waited on, nor retried.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered in {clock.Elapsed}");
        }
        finally
        {
            await system.RestartSubgraphAsync("Roles");
        }
    }

    public sealed class OwnSystem : ProductionSystem;

    /// <summary>
    /// The glossary's part of the role page, asked of the glossary itself: ready means it answers the gateway's
    /// kind of fetch, not only its health check. A restarted Debug subgraph's first fetches (JIT, EF's first
    /// queries) outlasted the engine's 5 s timeout on a loaded machine, which is its start, not the gateway's
    /// reconnection under test.
    /// </summary>
    private async Task FetchPerspectivesFromTheGlossaryAsync(string roleId)
    {
        using var glossary = new HttpClient { BaseAddress = system.SubgraphUrl("Glossary"), Timeout = TimeSpan.FromSeconds(60) };
        var answer = await glossary.PostGraphQLAsync(
            "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Role { termPerspectives { term { name } text } } } }",
            new { representations = new[] { new Dictionary<string, string> { ["__typename"] = "Role", ["id"] = roleId } } });
        Assert.True(GraphQLAssert.Data(answer)["_entities"]?[0]?["termPerspectives"] is JsonArray { Count: > 0 }, answer.ToString());
    }

    /// <summary>What concurrent requests saw, with a wait for a condition on it that is checked again at every new sample.</summary>
    private sealed class Samples<T>
    {
        private readonly ConcurrentQueue<T> _all = new();
        private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<T> All => _all;

        public void Add(T sample)
        {
            _all.Enqueue(sample);
            Interlocked.Exchange(ref _added, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        /// <summary>Returns once <paramref name="condition"/> holds; fails after 60 s, naming <paramref name="what"/> it waited for.</summary>
        public async Task UntilAsync(Func<IReadOnlyCollection<T>, bool> condition, string what)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                // Taken before the check, so a sample added during it still wakes the wait.
                var added = Volatile.Read(ref _added).Task;
                if (condition(_all))
                {
                    return;
                }

                try
                {
                    await added.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"not {what} within 60 s, in {_all.Count} samples");
                }
            }
        }
    }
}

/// <summary>What the gateway answers when a subgraph call failed, as the fault tests check it.</summary>
public static class SubgraphFailureAssert
{
    /// <summary>
    /// Each error is the engine's for a call to the subgraph that failed (refused, reset, timed out or
    /// 5xx): its message names the subgraph, its path is a field the failure left null, and it carries the
    /// correlation id and nothing of the gateway's internals (no address, no socket error). Hive's plugins
    /// wrote "The glossary subgraph is unavailable." with extensions.serviceName; the engine's message names
    /// the subgraph already, in both modes, so the tests take its shape.
    /// </summary>
    public static void EveryErrorNames(string subgraph, GraphQLResponse response)
    {
        Assert.True(response.Errors is { Count: > 0 }, response.ToString());
        Assert.All(response.Errors, error =>
        {
            Assert.Equal($"Request to subgraph '{subgraph}' failed.", error!["message"]!.GetValue<string>());
            Assert.Equal("SUBGRAPH_REQUEST_ERROR", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(response.CorrelationId, error["extensions"]!["correlationId"]!.GetValue<string>());
            Assert.Equal(["code", "correlationId"], error["extensions"]!.AsObject().Select(extension => extension.Key));
            NullAt(response, error["path"]!.AsArray());
        });
        var errors = response.Errors.ToJsonString();
        Assert.DoesNotContain("refused", errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", errors, StringComparison.Ordinal);
    }

    /// <summary>The error's path leads to a field that is in the data, as null: the error names what is missing.</summary>
    public static void NullAt(GraphQLResponse response, JsonArray path)
    {
        JsonNode? node = response.Data;
        foreach (var key in path.Take(path.Count - 1))
        {
            node = key!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? node?[key.GetValue<int>()] : node?[key.GetValue<string>()];
        }

        var last = path[^1]!.GetValue<string>();
        Assert.True(node is JsonObject parent && parent.TryGetPropertyValue(last, out var value) && value is null, $"{path.ToJsonString()} is not a null field of {response}");
    }
}
