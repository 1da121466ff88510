using System.Linq.Expressions;
using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SubgraphKit.Entities;

namespace SubgraphKit.Curation;

/// <summary>Loading, version-checking and saving a curated record, with EF's failures turned into clear GraphQL errors.</summary>
public static class CurationSaving
{
    // SQLite's extended result code for a PRIMARY KEY violation: the slug is the key of every curated table.
    private const int PrimaryKeyViolation = 1555;

    // SQLite's result code for any constraint, and PostgreSQL's SQLSTATE for a unique one.
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

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
        catch (DbUpdateException ex) when (IsPrimaryKeyViolation(ex.InnerException))
        {
            throw CurationError.SlugTaken(typeName, name);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } or PostgresException { SqlState: PostgresUniqueViolation })
        {
            // Another unique column (such as a term's name) is taken. Both engines name it in the message:
            // "UNIQUE constraint failed: Terms.Name", "duplicate key value violates unique constraint "IX_Terms_Name"".
            var reason = ex.InnerException is PostgresException postgres ? postgres.MessageText : ex.InnerException!.Message.Replace("SQLite Error 19: ", string.Empty, StringComparison.Ordinal);
            throw new ExecutionError($"{typeName} '{name}' was not saved: {reason}") { Code = "BAD_USER_INPUT" };
        }
    }

    // EF names a primary key PK_<table> on both engines.
    private static bool IsPrimaryKeyViolation(Exception? exception) => exception is SqliteException { SqliteExtendedErrorCode: PrimaryKeyViolation }
        or PostgresException { SqlState: PostgresUniqueViolation, ConstraintName: ['P', 'K', '_', ..] };
}
