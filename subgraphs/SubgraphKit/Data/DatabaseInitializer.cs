using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SubgraphKit.Search;

namespace SubgraphKit.Data;

/// <summary>
/// Puts the database in WAL mode, applies EF migrations and seeds an empty database before the server
/// starts listening (hosted services start before Kestrel), so readiness never reports a half-built
/// database. WAL lets readers go on while one writer writes, and survives a crash mid-write; the
/// setting is stored in the database file, so once at startup is enough. Then it rebuilds the search
/// table from the stored rows, so search sees exactly the content.
/// </summary>
public sealed partial class DatabaseInitializer<TDbContext>(
    IDbContextFactory<TDbContext> contexts,
    ISubgraphSeeder<TDbContext> seeder,
    IEnumerable<SearchIndex<TDbContext>> searchIndexes,
    ILogger<DatabaseInitializer<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (!await seeder.IsSeededAsync(db, cancellationToken))
        {
            await seeder.SeedAsync(db, cancellationToken);
            var rows = await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, typeof(TDbContext).Name, rows);
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
