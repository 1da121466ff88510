using System.Linq.Expressions;
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
    public static Task<TEntity> FindAtVersionAsync<TEntity>(this DbContext db, string typeName, string slug, int version, CancellationToken cancellationToken)
        where TEntity : class, ISlugged, IVersioned =>
        db.FindAtVersionAsync<TEntity>(typeName, slug, row => row.Slug == slug, version, cancellationToken);

    /// <summary>
    /// Like the slug overload, for a record with another key (a comparison-table cell is role and
    /// aspect); <paramref name="name"/> names it in errors.
    /// </summary>
    public static async Task<TEntity> FindAtVersionAsync<TEntity>(
        this DbContext db, string typeName, string name, Expression<Func<TEntity, bool>> match, int version, CancellationToken cancellationToken)
        where TEntity : class, IVersioned
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(match, cancellationToken)
            ?? throw CurationError.NotFound(typeName, name);
        if (entity.Version != version)
        {
            throw CurationError.Conflict(typeName, name, version, entity.Version);
        }

        // The UPDATE or DELETE carries "AND Version = @read": a writer that got in between makes it match no row.
        db.Entry(entity).Property(row => row.Version).OriginalValue = version;
        entity.Version = version + 1;
        return entity;
    }

    /// <summary>
    /// Saves. A concurrent writer that got in first gives <c>CONFLICT</c> (nothing of this change is
    /// written); a key that exists already gives <c>SLUG_TAKEN</c>. <paramref name="name"/> names the
    /// record in errors.
    /// </summary>
    public static async Task SaveCurationAsync<TEntity>(this DbContext db, TEntity entity, string typeName, string name, CancellationToken cancellationToken)
        where TEntity : class, IVersioned
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(entity);
            var current = await entry.GetDatabaseValuesAsync(CancellationToken.None);
            throw CurationError.Conflict(typeName, name, entry.Property(row => row.Version).OriginalValue, current?.GetValue<int>(nameof(IVersioned.Version)));
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteExtendedErrorCode: PrimaryKeyViolation })
        {
            throw CurationError.SlugTaken(typeName, name);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 } constraint)
        {
            // Another unique column (such as a term's name) is taken.
            throw new ExecutionError($"{typeName} '{name}' was not saved: {constraint.Message.Replace("SQLite Error 19: ", string.Empty, StringComparison.Ordinal)}") { Code = "BAD_USER_INPUT" };
        }
    }
}
