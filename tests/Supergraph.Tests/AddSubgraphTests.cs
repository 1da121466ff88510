using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SubgraphKit.Data;
using SubgraphKit.Hosting;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// Adding a subgraph the README's way, in a copy of this checkout: subgraphs/new-subgraph.sh scaffolds a fourth one
/// that owns a type with its queries and adds a field to the glossary's Term; with its content written (the one
/// file edited by hand here), the copy builds, composes and serves it through the gateway beside the other three.
/// </summary>
public sealed class AddSubgraphTests(ITestOutputHelper output) : IDisposable
{
    private const string QuizName = "Federation basics";

    // The build's output, the installed packages (linked instead) and the running system's data stay behind.
    private static readonly HashSet<string> NotCopied = [".git", "bin", "obj", "node_modules", ".data", "TestResults", "__mismatch__"];
    private static readonly string[] NodePackageFolders = ["gateway", "clients"];

    private readonly string _copy = Directory.CreateTempSubdirectory("add-subgraph-").FullName;
    private readonly List<TestDatabase> _databases = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ServiceProcess? _script;

    [Fact]
    public async Task A_subgraph_added_by_the_script_serves_its_type_and_a_field_of_another_subgraphs_entity_through_the_gateway()
    {
        CopyCheckout();
        await RunAsync("bash", "subgraphs/new-subgraph.sh", "Quizzes", "Quiz", "Term");
        var term = JsonNode.Parse(await File.ReadAllTextAsync(InCopy("subgraphs/Glossary/Data/Seed/terms.json")))![0]!["slug"]!.GetValue<string>();
        await File.WriteAllTextAsync(InCopy("subgraphs/Quizzes/Data/Seed/quizzes.json"), $$"""
            [{ "slug": "federation-basics", "name": "{{QuizName}}", "terms": ["{{term}}"] }]
            """);
        var subgraphs = Registry();
        await RunAsync("dotnet", "build", ServicesFilter(subgraphs), "-nologo", "-clp:ErrorsOnly", "-v:q");
        await RunAsync("node", "gateway/compose.mjs", "--no-build");
        Assert.Contains("QUIZZES @join__graph(name: \"quizzes\"", await File.ReadAllTextAsync(InCopy("schema/supergraph.graphql")), StringComparison.Ordinal);

        using var gateway = await StartSystemAsync(subgraphs);
        var quizzes = await AnsweredWholeAsync(gateway, "{ quizzes { totalCount nodes { id name terms { slug name } } } }");
        var linked = await AnsweredWholeAsync(gateway, "query($slug: String!) { term(slug: $slug) { name quizzes { slug name } } }", new { slug = term });
        var quiz = quizzes["quizzes"]!["nodes"]![0]!;
        var node = await AnsweredWholeAsync(gateway, "query($id: ID!) { node(id: $id) { __typename ... on Quiz { name } } }", new { id = quiz["id"]!.GetValue<string>() });

        Assert.Equal(1, quizzes["quizzes"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(QuizName, quiz["name"]!.GetValue<string>());
        // Quiz.terms is resolved by the glossary, Term.quizzes (on the glossary's Term) by the new subgraph.
        Assert.Equal(term, quiz["terms"]![0]!["slug"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(linked["term"]!["name"]!.GetValue<string>()));
        Assert.Equal(linked["term"]!["name"]!.GetValue<string>(), quiz["terms"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(QuizName, Assert.Single(linked["term"]!["quizzes"]!.AsArray())!["name"]!.GetValue<string>());
        // The glossary's Query.node knows the new type without an edit: it read the new subgraph's SDL.
        Assert.Equal("Quiz", node["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal(QuizName, node["node"]!["name"]!.GetValue<string>());
    }

    public void Dispose()
    {
        if (_script is { HasExited: false })
        {
            _script.Terminate();
            _script.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _script?.Dispose();
        _databases.ForEach(database => database.Dispose());
        // The links to node_modules go, not what they point to.
        Directory.Delete(_copy, recursive: true);
    }

    private string InCopy(string path) => Path.Combine(_copy, path);

    /// <summary>The working tree as it is now, uncommitted changes included, with gateway/ and clients/ node_modules linked.</summary>
    private void CopyCheckout()
    {
        foreach (var file in FilesBelow(Repo.Root))
        {
            var copy = InCopy(Path.GetRelativePath(Repo.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        foreach (var folder in NodePackageFolders.Where(folder => Directory.Exists(Repo.Path(folder, "node_modules"))))
        {
            Directory.CreateSymbolicLink(InCopy(Path.Combine(folder, "node_modules")), Repo.Path(folder, "node_modules"));
        }

        static IEnumerable<string> FilesBelow(string directory) => Directory.EnumerateFiles(directory).Concat(
            Directory.EnumerateDirectories(directory).Where(folder => !NotCopied.Contains(Path.GetFileName(folder))).SelectMany(FilesBelow));
    }

    /// <summary>The copy's subgraphs/subgraphs.json, with the new subgraph: this process's registry is the checkout's.</summary>
    private List<RegisteredSubgraph> Registry() =>
        JsonNode.Parse(File.ReadAllText(InCopy("subgraphs/subgraphs.json")))!["subgraphs"].Deserialize<List<RegisteredSubgraph>>(JsonSerializerOptions.Web)!;

    /// <summary>A solution filter of the services ./run.sh starts: the tests' projects need not build for this.</summary>
    private string ServicesFilter(IEnumerable<RegisteredSubgraph> subgraphs)
    {
        var projects = subgraphs.Select(subgraph => $"{subgraph.Project}/{subgraph.ProjectName}.csproj").Append("gateway/Edge/Edge.csproj");
        File.WriteAllText(InCopy("services.slnf"), new JsonObject
        {
            ["solution"] = new JsonObject { ["path"] = "Federation.sln", ["projects"] = new JsonArray([.. projects.Select(project => JsonValue.Create(project))]) },
        }.ToJsonString());
        return "services.slnf";
    }

    /// <summary>Runs a command in the copy to its end, as a developer would; fails on a non-zero exit, stops it after 15 minutes.</summary>
    private async Task RunAsync(string fileName, params string[] arguments)
    {
        var command = $"{fileName} {string.Join(' ', arguments)}";
        var start = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = _copy, RedirectStandardOutput = true, RedirectStandardError = true };
        // Build nodes end with their build, and composition exports on SQLite, as ./run.sh has it (.ci/common.sh).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["CONFIGURATION"] = "Debug";
        if (fileName == "node")
        {
            start.Environment[SubgraphDatabase.Variable] = "sqlite";
        }

        var began = _clock.Elapsed;
        using var process = Process.Start(start)!;
        var text = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var expired = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(expired.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within 15 minutes");
        }

        var said = string.Join('\n', await text);
        Assert.True(process.ExitCode == 0, $"{command} exited with {process.ExitCode}:\n{said}");
        output.WriteLine($"{command}: {(_clock.Elapsed - began).TotalSeconds:0} s");
    }

    /// <summary>The copy's ./run.sh on its Debug build, free ports and a data folder in the copy, until the gateway is ready.</summary>
    private async Task<HttpClient> StartSystemAsync(List<RegisteredSubgraph> subgraphs)
    {
        var ports = SupergraphFixture.FreePorts(subgraphs.Count + 1);
        var environment = new Dictionary<string, string>
        {
            ["CONFIGURATION"] = "Debug",
            ["DATA_DIR"] = InCopy(".data"),
            ["GATEWAY_PORT"] = ports[^1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GRAPH_MODE"] = "development",
            [SubgraphDatabase.Variable] = TestDatabase.Engine.ToString(),
        };
        foreach (var (subgraph, port) in subgraphs.Zip(ports))
        {
            environment[subgraph.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // On PostgreSQL each subgraph gets a database of this test's on the tests' server, which the script then leaves alone.
            if (TestDatabase.Engine == DatabaseEngine.Postgres)
            {
                var database = TestDatabase.Create(subgraph.ProjectName, _copy);
                _databases.Add(database);
                environment[$"ConnectionStrings__{subgraph.ProjectName}"] = database.ConnectionString;
            }
        }

        var began = _clock.Elapsed;
        var gatewayUrl = new Uri($"http://127.0.0.1:{ports[^1]}/");
        _script = new ServiceProcess("run.sh", "bash", [InCopy("run.sh"), "--no-build"], _copy, environment);
        await _script.WaitReadyAsync(new Uri(gatewayUrl, "readiness"));
        output.WriteLine($"./run.sh --no-build, until the gateway was ready: {(_clock.Elapsed - began).TotalSeconds:0} s");
        return new HttpClient { BaseAddress = new Uri(gatewayUrl, "graphql"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// The data of <paramref name="query"/>, once it comes back whole: a Debug subgraph's first requests can outlast the
    /// engine's 5 s subgraph timeout on a loaded machine (see SupergraphFixture's warm-up). A refused request, such as
    /// a field the gateway does not know, is final.
    /// </summary>
    private static async Task<JsonNode> AnsweredWholeAsync(HttpClient gateway, string query, object? variables = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        GraphQLResponse response;
        while ((response = await gateway.PostGraphQLAsync(query, variables)) is { Status: System.Net.HttpStatusCode.OK, Errors: not null } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return GraphQLAssert.Data(response);
    }
}
