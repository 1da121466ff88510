using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SubgraphKit.Data;
using SubgraphKit.Hosting;

namespace Supergraph.Tests;

/// <summary>Paths in the repository, found from the test binary by walking up to Federation.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The Debug build of a subgraph that ./test.sh makes before running the tests.</summary>
    public static string SubgraphBinaries(RegisteredSubgraph subgraph) => Path(subgraph.Project, "bin", "Debug", "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Federation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Federation.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A command-line tool run to completion, such as a node script of gateway/.</summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandResult(process.ExitCode, await output, await errors);
    }
}

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + "\n" + StandardError;
}

/// <summary>A child process this test run started, with its output kept for failure messages.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServiceProcess(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        Name = name;
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();

        // A server reads nothing; closing its input keeps it from waiting on the test runner's terminal.
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>
    /// The PIDs of the processes this one started (the edge's engine): every /proc/N/stat
    /// whose parent field is this process. (/proc/N/task/*/children needs a kernel option.)
    /// </summary>
    public IReadOnlyList<int> ChildIds => [.. Directory.GetDirectories("/proc")
        .Select(path => int.TryParse(System.IO.Path.GetFileName(path), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && ParentOf(pid) == _process.Id)];

    /// <summary>Every process below this one, children first: what a script such as ./run.sh started.</summary>
    public IReadOnlyList<int> Descendants
    {
        get
        {
            var parents = Directory.GetDirectories("/proc")
                .Select(path => int.TryParse(System.IO.Path.GetFileName(path), out var pid) ? pid : 0)
                .Where(pid => pid > 0)
                .ToDictionary(pid => pid, ParentOf);
            var found = new List<int>();
            var frontier = new Queue<int>([_process.Id]);
            while (frontier.TryDequeue(out var parent))
            {
                foreach (var child in parents.Where(entry => entry.Value == parent).Select(entry => entry.Key))
                {
                    found.Add(child);
                    frontier.Enqueue(child);
                }
            }

            return found;
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="WaitForExit"/> has seen the process end.</summary>
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until <paramref name="readiness"/> answers 200, failing at once if the process exits first.</summary>
    public async Task WaitReadyAsync(Uri readiness)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Generous: on a loaded 2-core machine a cold start of .NET and the engine's composition are slow.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during startup:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(readiness);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready at {readiness} within 180 s:\n{Output}");
    }

    /// <summary>
    /// The first line of output that <paramref name="match"/> accepts, once the process has written it (its
    /// output arrives asynchronously, after what it answered); fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var expired = new CancellationTokenSource(timeout);
        while (true)
        {
            // Taken before the search, so a line added during it still wakes the wait.
            var added = Volatile.Read(ref _lineAdded).Task;
            if (Output.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            try
            {
                await added.WaitAsync(expired.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} wrote no such line within {timeout.TotalSeconds} s:\n{Output}");
            }
        }
    }

    /// <summary>Asks the process to stop, as an orchestrator does: SIGTERM, by PID.</summary>
    public void Terminate() => Signal("-TERM", [_process.Id]);

    /// <summary>
    /// Ctrl+C in a terminal: SIGINT to the terminal's process group. The edge's engine runs in a session of
    /// its own (setsid), outside that group, so the signal reaches the process alone.
    /// </summary>
    public void Interrupt() => Signal("-INT", [_process.Id]);

    private static void Signal(string signal, IEnumerable<int> pids)
    {
        using var kill = Process.Start("kill", [signal, .. pids.Select(pid => pid.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        kill.WaitForExit();
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Stops the process and its children (the edge's engine) by PID.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Stop();
        _process.Dispose();
    }

    /// <summary>The fourth field of /proc/N/stat, after the command in parentheses; 0 once the process is gone.</summary>
    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        Interlocked.Exchange(ref _lineAdded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

/// <summary>
/// The whole system as users run it: the three subgraphs (built binaries, each with its own fresh
/// database, a <see cref="TestDatabase"/> on the engine DATABASE names) and the gateway (the C# edge,
/// gateway/Edge, which starts Grafbase's engine on gateway/grafbase.toml), all on free ports of 127.0.0.1,
/// all in one GRAPH_MODE: development here (Banana Cake Pop needs introspection), production in
/// <see cref="ProductionSystem"/>.
/// </summary>
public class SupergraphFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The subgraphs of subgraphs/subgraphs.json by project name (<c>Roles</c>), as the tests name them.</summary>
    public static readonly string[] SubgraphNames = [.. SubgraphRegistry.All.Select(subgraph => subgraph.ProjectName)];

    private readonly Dictionary<string, ServiceProcess> _subgraphs = [];
    private readonly Dictionary<string, int> _ports = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("supergraph-tests-").FullName;
    private readonly Dictionary<string, TestDatabase> _databases = [];

    /// <summary>The temp folder of this system's databases and files, deleted with it.</summary>
    protected string DataDirectory => _dataDirectory;
    private ServiceProcess? _gateway;
    private IDictionary<string, string> _gatewayEnvironment = new Dictionary<string, string>();

    public HttpClient Gateway { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var ports = FreePorts(SubgraphNames.Length + 1);
        for (var i = 0; i < SubgraphNames.Length; i++)
        {
            _ports[SubgraphNames[i]] = ports[i];
            StartSubgraph(SubgraphNames[i]);
        }

        var gatewayPort = ports[^1];
        GatewayUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        Require(File.Exists(EdgeAssembly), $"{EdgeAssembly} is missing: run ./test.sh, which builds the solution first.");
        var environment = new Dictionary<string, string>(GatewayEnvironment)
        {
            ["GRAPH_MODE"] = GraphMode,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var name in SubgraphNames)
        {
            environment[SubgraphRegistry.Named(name).UrlVariable] = await GatewayRouteToAsync(name);
        }

        _gatewayEnvironment = environment;
        StartGateway();
        Gateway = new HttpClient
        {
            BaseAddress = GatewayUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

        foreach (var name in SubgraphNames)
        {
            await _subgraphs[name].WaitReadyAsync(new Uri(SubgraphUrl(name), "health/ready"));
        }

        await _gateway!.WaitReadyAsync(new Uri(GatewayUrl, "readiness"));
        await WarmUpAsync();
    }

    /// <summary>
    /// Waits until a page through every subgraph and a search come back whole: a Debug subgraph's first
    /// requests (JIT, the search index) took up to 10 s on a loaded machine, past the engine's 5 s
    /// subgraph timeout, so whichever test ran first would see its fields fail.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        foreach (var (operation, variables) in new (string, object)[] { ("RolePage", new { slug = "backend-developer" }), ("Search", new { query = "api contract" }) })
        {
            GraphQLResponse warm;
            while (!Whole(warm = await PostOperationAsync(operation, variables)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            Require(Whole(warm), $"The gateway did not answer {operation} whole within 120 s of starting: {warm}");
        }

        static bool Whole(GraphQLResponse response) => response.Status == HttpStatusCode.OK && response.Errors is null;
    }

    /// <summary>Sends one of the trusted operations of schema/operations/ as a client of this system would.</summary>
    protected virtual Task<GraphQLResponse> PostOperationAsync(string operation, object variables) =>
        Gateway.PostGraphQLAsync(Operations.Load(operation), variables);

    /// <summary>The running gateway process: the edge, whose one child is the engine.</summary>
    public ServiceProcess GatewayProcess => _gateway!;

    /// <summary>Starts the gateway again, on its old port, after a test stopped it.</summary>
    public Task RestartGatewayAsync()
    {
        _gateway?.Dispose();
        StartGateway();
        return _gateway!.WaitReadyAsync(new Uri(GatewayUrl, "readiness"));
    }

    /// <summary>
    /// The edge's Debug build, as ./test.sh makes it, on the fixture's port. It reads the subgraph URLs
    /// (each one's UrlVariable) and GRAPH_MODE from its environment, and Engine__Config when a fixture changes the engine's configuration.
    /// </summary>
    private void StartGateway() =>
        _gateway = new ServiceProcess("gateway", "dotnet", [EdgeAssembly, "--urls", GatewayUrl.ToString().TrimEnd('/')], Repo.Path("gateway"), _gatewayEnvironment);

    private static string EdgeAssembly => Repo.Path("gateway", "Edge", "bin", "Debug", "net10.0", "Edge.dll");

    /// <summary>The URL the gateway is given for a subgraph: the subgraph itself, unless a fixture puts something between.</summary>
    protected virtual Task<string> GatewayRouteToAsync(string name) => Task.FromResult(SubgraphUrl(name) + "graphql");

    /// <summary>The GRAPH_MODE of every process of this system.</summary>
    public virtual string GraphMode => "development";

    /// <summary>Extra environment for the gateway, for fixtures that configure it differently.</summary>
    protected virtual IReadOnlyDictionary<string, string> GatewayEnvironment { get; } = new Dictionary<string, string>();

    public Uri SubgraphUrl(string name) => new($"http://127.0.0.1:{_ports[name]}/");

    /// <summary>A subgraph's running process, for tests that signal it.</summary>
    public ServiceProcess SubgraphProcess(string name) => _subgraphs[name];

    /// <summary>Kills a subgraph's process (SIGKILL), with no chance to finish anything.</summary>
    public void StopSubgraph(string name) => _subgraphs[name].Stop();

    /// <summary>The database a subgraph of this system writes, kept across its restarts, gone with the system.</summary>
    public TestDatabase Database(string name)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(name, out var database))
            {
                _databases[name] = database = TestDatabase.Create(name, _dataDirectory);
            }

            return database;
        }
    }

    /// <summary>Restarts a stopped subgraph on its old port and database, as an operator would.</summary>
    public Task RestartSubgraphAsync(string name)
    {
        _subgraphs[name].Dispose();
        StartSubgraph(name);
        return _subgraphs[name].WaitReadyAsync(new Uri(SubgraphUrl(name), "health/ready"));
    }

    public string Logs => string.Join("\n", _subgraphs.Values.Append(_gateway).OfType<ServiceProcess>().Select(p => $"--- {p.Name} ---\n{p.Output}"));

    public virtual Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Gateway?.Dispose();
        _gateway?.Dispose();
        foreach (var process in _subgraphs.Values)
        {
            process.Dispose();
        }

        foreach (var database in _databases.Values)
        {
            database.Dispose();
        }

        _databases.Clear();

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the OS temp cleaner gets it.
        }

        GC.SuppressFinalize(this);
    }

    private void StartSubgraph(string name) =>
        _subgraphs[name] = StartSubgraphProcess(
            name,
            SubgraphRegistry.Named(name),
            SubgraphUrl(name),
            TestDatabase.Engine,
            Database(name).ConnectionString,
            GraphMode,
            SubgraphEnvironment);

    /// <summary>
    /// A built subgraph as a real process listening on <paramref name="url"/>, on the given database, in
    /// the Production environment, signing write tokens with the tests' key; <paramref name="environment"/>
    /// adds to that. <paramref name="processName"/> names it in failure messages.
    /// </summary>
    public static ServiceProcess StartSubgraphProcess(
        string processName,
        RegisteredSubgraph subgraph,
        Uri url,
        DatabaseEngine engine,
        string connectionString,
        string graphMode,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var binaries = Repo.SubgraphBinaries(subgraph);
        var assembly = subgraph.ProjectName + ".dll";
        Require(File.Exists(System.IO.Path.Combine(binaries, assembly)), $"{binaries}/{assembly} is missing: run ./test.sh, which builds the solution first.");
        return new ServiceProcess(
            processName,
            "dotnet",
            [assembly, "--urls", url.ToString().TrimEnd('/')],
            binaries,
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                [SubgraphDatabase.Variable] = engine.ToString(),
                [$"ConnectionStrings__{subgraph.ProjectName}"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Auth__SigningKey"] = TestTokens.SigningKey,
                ["GRAPH_MODE"] = graphMode,
            });
    }

    /// <summary>Extra environment for every subgraph, for fixtures that configure them differently.</summary>
    protected virtual IReadOnlyDictionary<string, string> SubgraphEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Distinct loopback ports free at the moment of asking, for processes the tests start: all listeners
    /// stay open until every port is picked, because the kernel may hand a just-released port out again
    /// to the next bind to port 0.
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    protected static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>The system in GRAPH_MODE=production, as deployed.</summary>
public class ProductionSystem : SupergraphFixture
{
    public override string GraphMode => "production";
}

/// <summary>The system with the gateway reaching the glossary through a <see cref="FaultyProxy"/>.</summary>
public class GlossaryBehindProxy : SupergraphFixture
{
    /// <summary>Short, so a stalled call costs a test seconds, not the default 5.</summary>
    public const int UpstreamTimeoutMs = 2000;

    /// <summary>The engine's timeout for every subgraph call in this system, whole seconds.</summary>
    protected virtual int SubgraphTimeoutSeconds => UpstreamTimeoutMs / 1000;

    public FaultyProxy Proxy { get; private set; } = null!;

    /// <summary>The engine's config for this system, written beside the fixture's databases.</summary>
    protected override IReadOnlyDictionary<string, string> GatewayEnvironment
    {
        get
        {
            var copy = System.IO.Path.Combine(DataDirectory, "grafbase.toml");
            File.WriteAllText(copy, Configure(File.ReadAllText(Repo.Path("gateway", "grafbase.toml"))));
            return new Dictionary<string, string> { ["Engine__Config"] = copy };
        }
    }

    /// <summary>
    /// gateway/grafbase.toml with every subgraph timeout at <see cref="SubgraphTimeoutSeconds"/> and its schema
    /// paths made absolute (they were relative to gateway/).
    /// </summary>
    protected virtual string Configure(string grafbaseToml)
    {
        var shortened = $"timeout = \"{SubgraphTimeoutSeconds}s\"";
        var text = grafbaseToml
            .Replace("\"../schema/", "\"" + Repo.Path("schema") + "/", StringComparison.Ordinal)
            .Replace("timeout = \"5s\"", shortened, StringComparison.Ordinal);
        Require(text.Contains(shortened, StringComparison.Ordinal), "gateway/grafbase.toml has no `timeout = \"5s\"` to shorten any more");
        return text;
    }

    protected override async Task<string> GatewayRouteToAsync(string name)
    {
        if (name != "Glossary")
        {
            return await base.GatewayRouteToAsync(name);
        }

        Proxy = await FaultyProxy.StartAsync(new Uri(SubgraphUrl(name), "graphql"));
        return Proxy.Url.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }
}

/// <summary>Tests of production mode that only read (or restore what they stop) share one production system.</summary>
[CollectionDefinition(Name)]
public sealed class SharedProductionSupergraph : ICollectionFixture<ProductionSystem>
{
    public const string Name = "production supergraph";
}

/// <summary>Tests that only read share one running system.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSupergraph : ICollectionFixture<SupergraphFixture>
{
    public const string Name = "supergraph";
}
