using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SubgraphKit.Data;
using SubgraphKit.Hosting;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// ./run.sh as a user runs it (on the built tree, with its own ports and data folder): under load, the
/// glossary it started is killed with SIGKILL. The script starts it again by itself; meanwhile queries get
/// the roles' and patterns' data with errors that name the glossary, no request gets a 5xx, and no write
/// the gateway acknowledged is lost. SIGTERM to the script then stops every process it started.
/// </summary>
public sealed class RunScriptSupervisionTests(ITestOutputHelper output) : IDisposable
{
    private const string CreateTerm = "mutation($input: CreateTermInput!) { createTerm(input: $input) { slug } }";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("run-sh-").FullName;
    private readonly List<TestDatabase> _databases = [];
    private readonly List<Task> _load = [];
    private ServiceProcess? _script;

    [Fact]
    public async Task A_killed_subgraph_is_restarted_by_run_sh_while_the_others_keep_serving()
    {
        var ports = SupergraphFixture.FreePorts(SubgraphRegistry.All.Count + 1);
        var environment = new Dictionary<string, string>
        {
            ["CONFIGURATION"] = "Debug",
            ["DATA_DIR"] = _dataDirectory,
            ["GATEWAY_PORT"] = ports[^1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GRAPH_MODE"] = "production",
        };
        foreach (var (subgraph, port) in SubgraphRegistry.All.Zip(ports))
        {
            environment[subgraph.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // On SQLite the script keeps its databases in DATA_DIR; on PostgreSQL it is given one of this test's own per
        // subgraph, so it starts no server of its own and leaves nothing behind on the tests' server.
        environment[SubgraphDatabase.Variable] = TestDatabase.Engine.ToString();
        if (TestDatabase.Engine == DatabaseEngine.Postgres)
        {
            foreach (var subgraph in SubgraphRegistry.All)
            {
                var database = TestDatabase.Create(subgraph.ProjectName, _dataDirectory);
                _databases.Add(database);
                environment[$"ConnectionStrings__{subgraph.ProjectName}"] = database.ConnectionString;
            }
        }

        // The script keeps the key it finds; this one is the tests' own, so TestTokens sign valid writes.
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, "signing-key"), TestTokens.SigningKey);
        var glossaryPort = ports[SubgraphRegistry.All.ToList().FindIndex(subgraph => subgraph.Name == "glossary")];
        var gatewayUrl = new Uri($"http://127.0.0.1:{ports[^1]}/");
        _script = new ServiceProcess("run.sh", "bash", [Repo.Path("run.sh"), "--no-build"], Repo.Root, environment);
        await _script.WaitReadyAsync(new Uri(gatewayUrl, "readiness"));
        using var gateway = new HttpClient { BaseAddress = new Uri(gatewayUrl, "graphql"), Timeout = TimeSpan.FromSeconds(30) };

        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<Sample>();
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        _load.AddRange(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = clock.Elapsed;
                var response = await gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
                var role = response.Data?["role"];
                samples.Enqueue(new Sample(
                    sent,
                    clock.Elapsed,
                    response.Status,
                    role?["name"] is not null && role["favouredPatterns"] is JsonArray { Count: > 0 },
                    role?["termPerspectives"] is JsonArray { Count: > 0 },
                    response.Errors?.All(error => error?["message"]?.GetValue<string>()?.Contains("'glossary'", StringComparison.Ordinal) == true) ?? true));

                // Steady traffic, a few dozen requests a second, rather than as fast as two cores allow: on a
                // saturated machine the test would time the restarted glossary's JIT (Debug), not the supervision.
                await Task.Delay(100);
            }
        })));
        _load.Add(Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var slug = $"supervised-{i}";
                using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
                {
                    Content = new StringContent(
                        new JsonObject
                        {
                            ["query"] = CreateTerm,
                            ["variables"] = new JsonObject
                            {
                                ["input"] = new JsonObject { ["slug"] = slug, ["name"] = "Supervised " + i, ["kind"] = "CONCEPT", ["definition"] = "Written while the glossary was killed.", ["section"] = "Related Important Terms" },
                            },
                        }.ToJsonString(),
                        System.Text.Encoding.UTF8,
                        "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create());
                var response = await gateway.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);
                samples.Enqueue(new Sample(TimeSpan.Zero, clock.Elapsed, response.Status, true, response.Errors is null, true));
                if (response.Status == HttpStatusCode.OK && response.Errors is null)
                {
                    acknowledged.Enqueue(slug);
                }

                await Task.Delay(100);
            }
        }));

        await WaitUntilAsync(() => samples.Count(sample => sample.GlossaryAnswered) >= 20, "20 whole answers before the kill");
        var glossary = GlossaryProcessId(glossaryPort);
        var killedAt = clock.Elapsed;
        Process.GetProcessById(glossary).Kill();
        await WaitUntilAsync(() => samples.Any(sample => sample.Sent > killedAt && !sample.GlossaryAnswered), "an answer without the glossary");
        var firstErrorAt = samples.Where(sample => sample.Sent > killedAt && !sample.GlossaryAnswered).Min(sample => sample.At);
        await WaitUntilAsync(() => FindGlossary(glossaryPort) is { } restarted && restarted != glossary, "a new glossary process");
        var restartedAt = clock.Elapsed;
        await WaitUntilAsync(() => samples.Any(sample => sample.Sent > restartedAt && sample.GlossaryAnswered), "a whole answer after the restart");
        var firstWholeAt = samples.Where(sample => sample.Sent > restartedAt && sample.GlossaryAnswered).Min(sample => sample.At);
        await stop.CancelAsync();
        await Task.WhenAll(_load);

        output.WriteLine($"killed {killedAt.TotalSeconds:0.00} s, first error {firstErrorAt.TotalSeconds:0.00} s, restarted {restartedAt.TotalSeconds:0.00} s, " +
            $"first whole answer {firstWholeAt.TotalSeconds:0.00} s; {samples.Count} requests, {acknowledged.Count} writes acknowledged");
        output.WriteLine(string.Join("\n", _script.Output.Split('\n').Where(line => line.Contains("restarting", StringComparison.Ordinal))));
        Assert.All(samples, sample => Assert.True((int)sample.Status < 500, $"{sample.Status} at {sample.At}"));
        Assert.All(samples, sample => Assert.True(sample.OthersAnswered, $"roles or patterns data missing at {sample.At}"));
        Assert.All(samples, sample => Assert.True(sample.ErrorsNameGlossary, $"an error at {sample.At} does not name the glossary"));
        // The backoff is the claim (1 s, then the process is there); the time a new process takes to be ready
        // is start-up, which a loaded 2-core machine stretches (more on PostgreSQL), so it gets a wide bound.
        Assert.True(restartedAt - killedAt <= TimeSpan.FromSeconds(5), $"the new glossary process appeared {(restartedAt - killedAt).TotalSeconds:0.0} s after the kill");
        Assert.True(firstWholeAt - killedAt <= TimeSpan.FromSeconds(30), $"the glossary served again {(firstWholeAt - killedAt).TotalSeconds:0.0} s after the kill");
        Assert.Contains("glossary subgraph exited (killed by SIGKILL); restarting it in 1 s", _script.Output, StringComparison.Ordinal);

        var stored = GraphQLAssert.Data(await gateway.PostGraphQLAsync(
            "query($slugs: [String!]) { terms(where: { slug: { in: $slugs } }) { totalCount } }", new { slugs = acknowledged.ToArray() }));
        Assert.Equal(acknowledged.Count, stored["terms"]!["totalCount"]!.GetValue<int>());

        // The engine, killed likewise, is started again by the edge, on the port the edge forwards to.
        var engine = Assert.Single(_script.Descendants, pid => CommandLine(pid)?.Any(argument => argument.EndsWith("/grafbase", StringComparison.Ordinal)) == true);
        Process.GetProcessById(engine).Kill();
        var engineKilledAt = clock.Elapsed;
        while (await gateway.PostGraphQLAsync("{ roles { totalCount } }") is not { Status: HttpStatusCode.OK, Errors: null })
        {
            Assert.True(clock.Elapsed - engineKilledAt < TimeSpan.FromSeconds(60), "no answer from a new engine within 60 s");
            await Task.Delay(50);
        }

        output.WriteLine($"engine killed {engineKilledAt.TotalSeconds:0.00} s, answering again {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Contains("Grafbase's engine exited with code", await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "gateway.log")), StringComparison.Ordinal);

        // Ctrl+C's counterpart for a script in the background: everything it started stops, by its own hand.
        var started = _script.Descendants;
        _script.Terminate();
        Assert.True(_script.WaitForExit(TimeSpan.FromSeconds(30)), "run.sh did not stop within 30 s of SIGTERM");
        Assert.DoesNotContain(started, pid => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _script?.Dispose();
        _databases.ForEach(database => database.Dispose());
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private int GlossaryProcessId(int port) =>
        FindGlossary(port) ?? throw new InvalidOperationException($"no glossary process listens on {port}");

    /// <summary>The process run.sh started whose command line runs Glossary.dll on <paramref name="port"/>.</summary>
    private int? FindGlossary(int port) =>
        _script!.Descendants.Select(pid => (int?)pid).FirstOrDefault(pid => CommandLine(pid!.Value) is { } arguments
            && arguments.Contains("Glossary.dll") && arguments.Contains($"http://127.0.0.1:{port}"));

    /// <summary>A process's arguments, or null once it has ended.</summary>
    private static string[]? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            // A request that failed outright (no answer within the client's 30 s) ends the wait with its exception.
            if (_load.FirstOrDefault(task => task.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not {what} within 60 s; run.sh said:\n{_script?.Output}");
            await Task.Delay(50);
        }
    }

    private sealed record Sample(TimeSpan Sent, TimeSpan At, HttpStatusCode Status, bool OthersAnswered, bool GlossaryAnswered, bool ErrorsNameGlossary);
}
