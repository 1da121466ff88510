using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using SubgraphKit.Auth;

namespace SubgraphTesting;

/// <summary>
/// Hosts one subgraph in memory on a SQLite file of its own, so test classes running in parallel
/// never share a database. It runs as Production, so error bodies look exactly as a client sees them
/// (no exception details), and it puts the SQL interceptors in DI, where
/// <c>AddSubgraph</c> attaches every <see cref="IInterceptor"/> to the DbContext factory.
/// </summary>
/// <typeparam name="TProgram">The subgraph's entry point; its assembly name ("Roles") names the connection string.</typeparam>
public class SubgraphFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public SubgraphFactory()
    {
        ConnectionStringName = typeof(TProgram).Assembly.GetName().Name
            ?? throw new InvalidOperationException($"{typeof(TProgram)} has an unnamed assembly.");
        DatabasePath = Path.Combine(Path.GetTempPath(), $"{ConnectionStringName.ToLowerInvariant()}-test-{Guid.NewGuid():N}.db");
    }

    /// <summary>The key under ConnectionStrings that AddSubgraph reads, such as "Roles".</summary>
    public string ConnectionStringName { get; }

    /// <summary>The temporary database file, deleted when the factory is disposed.</summary>
    public string DatabasePath { get; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting($"ConnectionStrings:{ConnectionStringName}", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            services.AddSingleton<IInterceptor>(SqlDelay);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled connections keep the file open; close them so the file can go.
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
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
