using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace SubgraphKit.Curation;

/// <summary>Loading, version-checking and saving a curated record, with EF's failures turned into clear GraphQL errors.</summary>
public static class CurationSaving
{
    // SQLite's extended result code for a PRIMARY KEY violation: the slug is the key of every curated table.
    private const int PrimaryKeyViolation = 1555;

    /// <summary>The record to update or delete, tracked, if it exists and is at the version the client read.</summary>
    public static async Task<TEntity> FindAtVersionAsync<TEntity>(this DbContext db, string typeName, string slug, int version, CancellationToken cancellationToken)
        where TEntity : class, ISlugged, IVersioned
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(row => row.Slug == slug, cancellationToken)
            ?? throw CurationError.NotFound(typeName, slug);
        if (entity.Version != version)
        {
            throw CurationError.Conflict(typeName, slug, version, entity.Version);
        }

        // The UPDATE or DELETE carries "AND Version = @read": a writer that got in between makes it match no row.
        db.Entry(entity).Property(row => row.Version).OriginalValue = version;
        entity.Version = version + 1;
        return entity;
    }

    /// <summary>
    /// Saves. A concurrent writer that got in first gives <c>CONFLICT</c> (nothing of this change is
    /// written); a slug that exists already gives <c>SLUG_TAKEN</c>.
    /// </summary>
    public static async Task SaveCurationAsync<TEntity>(this DbContext db, TEntity entity, string typeName, CancellationToken cancellationToken)
        where TEntity : class, ISlugged, IVersioned
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var sent = db.Entry(entity).Property(row => row.Version).OriginalValue;
            var current = await db.Set<TEntity>().AsNoTracking()
                .Where(row => row.Slug == entity.Slug)
                .Select(row => (int?)row.Version)
                .FirstOrDefaultAsync(CancellationToken.None);
            throw CurationError.Conflict(typeName, entity.Slug, sent, current);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteExtendedErrorCode: PrimaryKeyViolation })
        {
            throw CurationError.SlugTaken(typeName, entity.Slug);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 } constraint)
        {
            // Another unique column (such as a term's name) is taken.
            throw new ExecutionError($"{typeName} '{entity.Slug}' was not saved: {constraint.Message.Replace("SQLite Error 19: ", string.Empty, StringComparison.Ordinal)}") { Code = "BAD_USER_INPUT" };
        }
    }
}
