using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SubgraphKit.Search;

namespace SubgraphKit.Data;

/// <summary>
/// Applies EF migrations and seeds an empty database before the server starts listening (hosted
/// services start before Kestrel), so readiness never reports a half-built database. Then it rebuilds
/// the search table from the stored rows, so search sees exactly the content.
/// <para>
/// On SQLite it first puts the database in WAL mode, which lets readers go on while one writer writes
/// and survives a crash mid-write; the setting is stored in the file, so once at startup is enough.
/// PostgreSQL's readers never wait for writers anyway. There several replicas may start at once on one
/// database: EF takes a lock around the migrations itself, and the seeding here holds one too, so
/// exactly one replica seeds.
/// </para>
/// </summary>
public sealed partial class DatabaseInitializer<TDbContext>(
    IDbContextFactory<TDbContext> contexts,
    ISubgraphSeeder<TDbContext> seeder,
    IEnumerable<SearchIndex<TDbContext>> searchIndexes,
    ILogger<DatabaseInitializer<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    // Any fixed number: advisory locks are per database, and each subgraph has its own.
    private const long SeedingLock = 0x5eed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // A replica starting at the same time created the database between EF's check and its CREATE DATABASE;
            // EF's migrations lock lives in that database, so only from here on does it order the replicas.
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                // Held until the commit: a replica that starts meanwhile waits here, then finds the content in.
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeedingLock});", cancellationToken);
            }

            if (!await seeder.IsSeededAsync(db, cancellationToken))
            {
                await seeder.SeedAsync(db, cancellationToken);
                var rows = await db.SaveChangesAsync(cancellationToken);
                LogSeeded(logger, typeof(TDbContext).Name, rows);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var searchIndex in searchIndexes)
        {
            await searchIndex.RebuildAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Database} with {Rows} rows from its content files")]
    private static partial void LogSeeded(ILogger logger, string database, int rows);
}
