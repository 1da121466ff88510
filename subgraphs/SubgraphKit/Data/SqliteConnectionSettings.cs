using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace SubgraphKit.Data;

/// <summary>
/// Sets <c>busy_timeout</c> on every connection the subgraph opens: a writer that finds the database
/// locked by another writer waits up to <see cref="BusyTimeoutMilliseconds"/> inside SQLite instead of
/// failing with SQLITE_BUSY. (Microsoft.Data.Sqlite also retries busy commands until the command
/// timeout, but not every statement it issues goes through that loop.) WAL mode itself is a property
/// of the database file, set once at startup by <see cref="DatabaseInitializer{TDbContext}"/>.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// A plain connection in the place of the one EF's SQLite provider makes. The provider's adds eight
    /// functions and a collation (ef_add, ef_compare, ..., EF_DECIMAL: decimal arithmetic and regexp),
    /// and SQLite re-registers them on every open, each with handles the finalizer must collect: a fifth
    /// of a list query's CPU in the profile. No query here uses decimals or Regex; one that does fails
    /// loudly ("no such function: ef_..."), and the subgraph tests run every query shape there is.
    /// </summary>
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(eventData.ConnectionString));

    // The C API call, not "PRAGMA busy_timeout": a statement per open was measurable on list queries,
    // which open a (pooled) connection each.
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection) =>
        raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, BusyTimeoutMilliseconds);
}
