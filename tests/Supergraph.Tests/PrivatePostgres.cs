using System.Globalization;
using Npgsql;
using SubgraphKit.Data;
using SubgraphKit.Hosting;

namespace Supergraph.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster of its own, in a temp folder, on a free loopback port: for the tests
/// that stop the server under a running subgraph, which a server shared with other tests must not see.
/// Debian's <c>postgresql</c> package provides the binaries (the scripts install it).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    // Debian keeps the server's binaries per major version; only client wrappers are on the PATH.
    private const string DebianBinaries = "/usr/lib/postgresql";

    // initdb and postgres refuse to run as root; root runs them as Debian's postgres user, who owns the folder.
    private const string ServerUser = "postgres";

    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binaries;
    private readonly string _directory;

    private PrivatePostgres(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning { get; private set; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "postgres.log");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>The connection string of <paramref name="database"/> on this cluster, as a subgraph is given it.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServerUser,
        Database = database,
    }.ConnectionString;

    /// <summary>A new cluster (initdb), started.</summary>
    public static async Task<PrivatePostgres> CreateAsync()
    {
        var binaries = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("private-postgres-").FullName;
        var cluster = new PrivatePostgres(binaries, directory, SupergraphFixture.FreePorts(1)[0]);
        try
        {
            if (AsRoot)
            {
                await RunAsync("chown", [ServerUser + ":", directory]);
            }

            await cluster.RunServerToolAsync("initdb", "-D", cluster.DataDirectory, "-U", ServerUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server on its port, returning once it accepts connections (pg_ctl -w).</summary>
    public async Task StartAsync()
    {
        // The socket goes in the cluster's folder: Debian's default, /var/run/postgresql, may be another server's or closed to us.
        var options = string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {Port} -k {_directory}");
        await RunServerToolAsync("pg_ctl", "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", Seconds(ServerTimeout), "-o", options);
        IsRunning = true;
    }

    /// <summary>Stops the server as an operator would (fast: open sessions are ended), returning once it is down.</summary>
    public async Task StopAsync()
    {
        await RunServerToolAsync("pg_ctl", "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", Seconds(ServerTimeout));
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            try
            {
                await RunServerToolAsync("pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", Seconds(ServerTimeout));
                IsRunning = false;
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder goes anyway.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A server that did not stop still writes in it; the OS temp cleaner gets it.
        }
    }

    /// <summary>The server's log, for failure messages.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    private Task RunServerToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_binaries, tool);
        return AsRoot ? RunAsync("runuser", ["-u", ServerUser, "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        // pg_ctl start leaves the server running, but with -l its output goes to the log, so it holds no pipe of ours.
        var result = await Command.RunAsync(fileName, arguments, Path.GetTempPath());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}:\n{result.Output}");
        }
    }

    /// <summary>The newest version's bin folder of Debian's postgresql package.</summary>
    private static string FindBinaries()
    {
        var versions = Directory.Exists(DebianBinaries) ? Directory.GetDirectories(DebianBinaries) : [];
        return versions
            .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")))
            .OrderByDescending(version => Version.TryParse(Path.GetFileName(version) + ".0", out var number) ? number : new Version(0, 0))
            .Select(version => Path.Combine(version, "bin"))
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No PostgreSQL server binaries in {DebianBinaries}/<version>/bin: install Debian's postgresql package (./test.sh does when DATABASE=postgres).");
    }

    private static string Seconds(TimeSpan timeout) => ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One instance of a subgraph as a real process on a database of a <see cref="PrivatePostgres"/>, in production mode.</summary>
public sealed class SubgraphInstance : IDisposable
{
    private readonly RegisteredSubgraph _subgraph;
    private readonly string _connectionString;

    public SubgraphInstance(string name, string subgraph, string connectionString, int port)
    {
        Name = name;
        _subgraph = SubgraphRegistry.Named(subgraph);
        _connectionString = connectionString;
        Url = new Uri($"http://127.0.0.1:{port}/");
        Process = Start();
        Reader = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        Curator = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        Curator.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Create(lifetime: TimeSpan.FromHours(1)));
    }

    /// <summary>Names the instance in failure messages: "glossary A".</summary>
    public string Name { get; }

    public Uri Url { get; }

    public Uri Readiness => new(Url, "health/ready");

    public ServiceProcess Process { get; private set; }

    /// <summary>A client without a token.</summary>
    public HttpClient Reader { get; }

    /// <summary>A client with a write token.</summary>
    public HttpClient Curator { get; }

    public Task WaitReadyAsync() => Process.WaitReadyAsync(Readiness);

    /// <summary>Starts the process again on its old port and database, after a test killed it.</summary>
    public Task RestartAsync()
    {
        Process.Dispose();
        Process = Start();
        return WaitReadyAsync();
    }

    public void Dispose()
    {
        Reader.Dispose();
        Curator.Dispose();
        Process.Dispose();
    }

    private ServiceProcess Start() =>
        SupergraphFixture.StartSubgraphProcess(Name, _subgraph, Url, DatabaseEngine.Postgres, _connectionString, "production");
}

/// <summary>
/// Instances of the glossary (its curation is one record type with one free-text field) as real
/// processes on one database of a private cluster, started together as replicas would be.
/// </summary>
public abstract class GlossaryOnPrivatePostgres : IAsyncLifetime
{
    private readonly List<SubgraphInstance> _instances = [];

    public PrivatePostgres Postgres { get; private set; } = null!;

    public IReadOnlyList<SubgraphInstance> Instances => _instances;

    protected abstract int InstanceCount { get; }

    /// <summary>Every instance's output and the server's log, for failure messages.</summary>
    public string Logs => string.Join("\n", _instances.Select(instance => $"--- {instance.Name} ---\n{instance.Process.Output}"))
        + $"\n--- postgres ---\n{Postgres.Log}";

    public async Task InitializeAsync()
    {
        Postgres = await PrivatePostgres.CreateAsync();
        var ports = SupergraphFixture.FreePorts(InstanceCount);
        for (var i = 0; i < InstanceCount; i++)
        {
            _instances.Add(new SubgraphInstance($"glossary {(char)('A' + i)}", "Glossary", Postgres.ConnectionString("glossary"), ports[i]));
        }

        await Task.WhenAll(_instances.Select(instance => instance.WaitReadyAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}

/// <summary>Two replicas of the glossary, both serving, on one database.</summary>
public sealed class TwoGlossaryReplicas : GlossaryOnPrivatePostgres
{
    protected override int InstanceCount => 2;
}

/// <summary>One glossary, alone on its cluster, for tests that stop the server under it.</summary>
public sealed class OneGlossaryOnPrivatePostgres : GlossaryOnPrivatePostgres
{
    protected override int InstanceCount => 1;
}
