using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    private const string Pragmas = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
