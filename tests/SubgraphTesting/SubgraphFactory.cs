using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using SubgraphKit.Auth;
using Microsoft.Extensions.Logging;
using SubgraphKit.Data;
using SubgraphKit.Hosting;

namespace SubgraphTesting;

/// <summary>
/// Hosts one subgraph in memory on a database of its own (a <see cref="TestDatabase"/> on the engine
/// DATABASE names), so test classes running in parallel never share one. It runs as Production, in GRAPH_MODE=production, so error bodies look
/// exactly as a client of the deployed system sees them (no exception details, no introspection, no
/// suggestions); <see cref="DevelopmentSubgraphFactory{TProgram}"/> runs development mode. It puts the
/// SQL interceptors in DI, where <c>AddSubgraph</c> attaches every <see cref="IInterceptor"/> to the
/// DbContext factory, and keeps every log entry in <see cref="Logs"/>.
/// </summary>
/// <typeparam name="TProgram">The subgraph's entry point; its assembly name ("Roles") names the connection string.</typeparam>
public class SubgraphFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly TestDatabase _database;

    public SubgraphFactory()
    {
        ConnectionStringName = typeof(TProgram).Assembly.GetName().Name
            ?? throw new InvalidOperationException($"{typeof(TProgram)} has an unnamed assembly.");
        _database = TestDatabase.Create(ConnectionStringName, Path.GetTempPath());
    }

    /// <summary>The key under ConnectionStrings that AddSubgraph reads, such as "Roles".</summary>
    public string ConnectionStringName { get; }

    /// <summary>The engine the subgraph runs on, for the few tests whose assertion differs by engine.</summary>
    public DatabaseEngine Database => TestDatabase.Engine;

    /// <summary>The temporary database (a SQLite file's path, or a PostgreSQL database's name), gone when the factory is disposed.</summary>
    public string DatabaseName => _database.Name;

    /// <summary>Every SQL command the subgraph executes; reset it right before the request under test.</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Off until a test enables it: makes each SQL command complete asynchronously, as Npgsql's do.</summary>
    public SqlCommandDelay SqlDelay { get; } = new();

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Off until a test enables it: makes each SQL command fail, as a lost database would.</summary>
    public SqlCommandFault SqlFault { get; } = new();

    /// <summary>Every log entry the subgraph wrote, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// A DbContext from the subgraph's own factory, configured exactly as its resolvers' are (found
    /// through the DatabaseInitializer the kit registers, as this class does not know the context type).
    /// </summary>
    public DbContext CreateDbContext()
    {
        var initializer = Services.GetServices<IHostedService>()
            .Single(service => service.GetType().IsGenericType && service.GetType().GetGenericTypeDefinition() == typeof(DatabaseInitializer<>));
        var contexts = Services.GetRequiredService(typeof(IDbContextFactory<>).MakeGenericType(initializer.GetType().GetGenericArguments()));
        return (DbContext)contexts.GetType().GetMethod(nameof(IDbContextFactory<DbContext>.CreateDbContext), Type.EmptyTypes)!.Invoke(contexts, null)!;
    }

    /// <summary>The GRAPH_MODE the subgraph runs in.</summary>
    public virtual GraphMode Mode => GraphMode.Production;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting(GraphModeConfiguration.Variable, Mode.ToString());
        builder.UseSetting(SubgraphDatabase.Variable, Database.ToString());
        builder.UseSetting($"ConnectionStrings:{ConnectionStringName}", _database.ConnectionString);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            services.AddSingleton<IInterceptor>(SqlDelay);
            services.AddSingleton<IInterceptor>(SqlFault);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}

/// <summary>
/// A database of its own for one subgraph under test, on the engine DATABASE names (read as the subgraphs
/// read it; ./test.sh runs every suite once per engine): a SQLite file, or a database on the PostgreSQL
/// server of ConnectionStrings__Postgres. The subgraph's migrations create it; Dispose deletes or drops it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly IConfiguration EnvironmentVariables = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The engine of this test run: DATABASE (sqlite when unset).</summary>
    public static DatabaseEngine Engine { get; } = EnvironmentVariables.GetDatabaseEngine();

    /// <summary>The SQLite file's path, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    /// <summary>What the subgraph is given as its ConnectionStrings:&lt;Project&gt;.</summary>
    public string ConnectionString { get; }

    /// <summary>A new database for <paramref name="subgraph"/> (its project name, "Roles"); a SQLite file goes in <paramref name="directory"/>.</summary>
    public static TestDatabase Create(string subgraph, string directory)
    {
        // Unique per test host, so parallel hosts and earlier runs on a shared server never meet.
        var name = $"{subgraph.ToLowerInvariant()}_test_{Guid.NewGuid():N}";
        if (Engine == DatabaseEngine.Sqlite)
        {
            var path = Path.Combine(directory, name + ".db");
            return new TestDatabase(path, $"Data Source={path}");
        }

        var server = EnvironmentVariables.GetConnectionString(SubgraphDatabase.SharedServer) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"{SubgraphDatabase.Variable}=postgres, but no PostgreSQL server is configured: run ./test.sh, which starts one, "
                + $"or set ConnectionStrings__{SubgraphDatabase.SharedServer} to a server's connection string (Host=...;Port=...;Username=...), "
                + "where each test host makes and drops a database of its own.");
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public void Dispose()
    {
        if (Engine == DatabaseEngine.Sqlite)
        {
            // Pooled connections keep the file open; close them so the file can go.
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(Name + suffix);
            }

            return;
        }

        // This database's pool only: other hosts in the same test process keep theirs. FORCE ends the
        // sessions a stopped host may leave behind.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}

/// <summary>Bearer tokens as the token command makes them, signed with the key every test host is given.</summary>
public static class TestTokens
{
    /// <summary>The key tokens are signed with in tests; a real deployment configures its own.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("subgraph-tests-signing-key-of-32+bytes"));

    /// <summary>A token for <paramref name="scope"/>, valid for <paramref name="lifetime"/> (negative: expired).</summary>
    public static string Create(string scope = WriteAccessOptions.WriteScope, TimeSpan? lifetime = null, string? signingKey = null) =>
        TokenCommand.Create(
            new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)),
            scope,
            DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(10)));
}

/// <summary>The same subgraph in GRAPH_MODE=development: introspection, suggestions and exception details on.</summary>
public class DevelopmentSubgraphFactory<TProgram> : SubgraphFactory<TProgram>
    where TProgram : class
{
    public override GraphMode Mode => GraphMode.Development;
}

/// <summary>Log entries kept in memory, for tests that look for what the server logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Counts the SQL commands EF executes and records their text. Thread-safe; resettable.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public int Count => _commands.Count;

    /// <summary>The SQL text of each command since the last reset, in execution order.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _commands.Enqueue(command.CommandText);
}

/// <summary>
/// Delays every asynchronous SQL command while enabled. SQLite's driver completes synchronously, which
/// hides two resolvers sharing one DbContext; with a real await in the middle of each command, such
/// sharing fails with "A second operation was started on this context", as it would on Npgsql.
/// </summary>
public sealed class SqlCommandDelay : DbCommandInterceptor
{
    private long _delayTicks;

    public TimeSpan Delay => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));

    /// <summary>Delays each command by <paramref name="delay"/> until the returned scope is disposed.</summary>
    public IDisposable Enable(TimeSpan delay)
    {
        Interlocked.Exchange(ref _delayTicks, delay.Ticks);
        return new DisableOnDispose(this);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }
    }

    private sealed class DisableOnDispose(SqlCommandDelay owner) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref owner._delayTicks, 0);
    }
}

/// <summary>While enabled, every query fails with <see cref="Message"/>: an exception no resolver expects.</summary>
public sealed class SqlCommandFault : DbCommandInterceptor
{
    public const string Message = "Simulated database failure (SqlCommandFault)";

    private int _enabled;

    /// <summary>Fails every query until the returned scope is disposed.</summary>
    public IDisposable Enable()
    {
        Interlocked.Exchange(ref _enabled, 1);
        return new DisableOnDispose(this);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Volatile.Read(ref _enabled) == 1 ? throw new InvalidOperationException(Message) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    private sealed class DisableOnDispose(SqlCommandFault owner) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref owner._enabled, 0);
    }
}
