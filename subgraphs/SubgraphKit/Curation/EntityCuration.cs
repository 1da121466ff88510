using GraphQL;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Auth;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Identity;
using SubgraphKit.Search;

namespace SubgraphKit.Curation;

/// <summary>What an update or delete input must carry: which record, at the version the client read.</summary>
public interface IRecordAtVersion
{
    string Slug { get; }

    int Version { get; }
}

/// <summary>The create, update and delete resolvers of one curated entity type, for <see cref="CurationFieldExtensions"/>.</summary>
public interface IEntityCuration
{
    /// <summary>The GraphQL type name, such as "Term": the fields are createTerm, updateTerm and deleteTerm.</summary>
    string TypeName { get; }

    Task<object?> CreateAsync(IResolveFieldContext context);

    Task<object?> UpdateAsync(IResolveFieldContext context);

    Task<object?> DeleteAsync(IResolveFieldContext context);
}

/// <summary>
/// One entity's curation: a subgraph says how an input becomes a record, or changes one, and what
/// must hold before a delete. The kit does the rest the same way for every type: the write scope
/// first, then a context of its own, the version check, saving with clear errors, and the search table.
/// </summary>
public abstract class EntityCuration<TDbContext, TEntity, TCreate, TUpdate> : IEntityCuration
    where TDbContext : DbContext
    where TEntity : class, ISlugged, IVersioned
    where TUpdate : IRecordAtVersion
{
    public abstract string TypeName { get; }

    public async Task<object?> CreateAsync(IResolveFieldContext context)
    {
        context.RequireWriteScope();
        var input = context.GetArgument<TCreate>("input");
        await using var db = await context.CreateDbContextAsync<TDbContext>();
        var entity = await NewAsync(input, db, context.CancellationToken);
        db.Set<TEntity>().Add(entity);
        await db.SaveCurationAsync(entity, TypeName, entity.Slug, context.CancellationToken);
        await context.RefreshSearchAsync(db);
        return entity;
    }

    public Task<object?> UpdateAsync(IResolveFieldContext context) =>
        AtVersionAsync<TUpdate>(context, async (input, entity, db) =>
        {
            await ChangeAsync(input, entity, db, context.CancellationToken);
            return entity;
        });

    public Task<object?> DeleteAsync(IResolveFieldContext context) =>
        AtVersionAsync<DeleteInput>(context, async (_, entity, db) =>
        {
            await BeforeDeleteAsync(entity, db, context.CancellationToken);
            db.Set<TEntity>().Remove(entity);
            return GlobalId.Encode(TypeName, entity.Slug);
        });

    /// <summary>The new record, its every value checked with <see cref="InputRules"/>.</summary>
    protected abstract Task<TEntity> NewAsync(TCreate input, TDbContext db, CancellationToken cancellationToken);

    /// <summary>Applies the fields the input sets, each checked; the others keep their values.</summary>
    protected abstract Task ChangeAsync(TUpdate input, TEntity entity, TDbContext db, CancellationToken cancellationToken);

    /// <summary>Refuses a delete that would leave local links dangling, or removes what belongs to the record.</summary>
    protected virtual Task BeforeDeleteAsync(TEntity entity, TDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Checks that every slug in <paramref name="slugs"/> names a row of <typeparamref name="TLinked"/>.</summary>
    protected static async Task<List<string>> ExistingAsync<TLinked>(TDbContext db, string field, IEnumerable<string>? slugs, CancellationToken cancellationToken)
        where TLinked : class, ISlugged
    {
        var linked = InputRules.Texts(field, slugs, InputRules.MaxSlugLength);
        var existing = await db.Set<TLinked>().Where(row => linked.Contains(row.Slug)).Select(row => row.Slug).ToListAsync(cancellationToken);
        InputRules.Exist(field, linked, existing.ToHashSet(StringComparer.Ordinal));
        return linked;
    }

    // The write scope, the record at the version the client read, the change, then one save and the search table.
    private async Task<object?> AtVersionAsync<TInput>(IResolveFieldContext context, Func<TInput, TEntity, TDbContext, Task<object?>> change)
        where TInput : IRecordAtVersion
    {
        context.RequireWriteScope();
        var input = context.GetArgument<TInput>("input");
        await using var db = await context.CreateDbContextAsync<TDbContext>();
        var entity = await db.FindAtVersionAsync<TEntity>(TypeName, input.Slug, input.Version, context.CancellationToken);
        var result = await change(input, entity, db);
        await db.SaveCurationAsync(entity, TypeName, entity.Slug, context.CancellationToken);
        await context.RefreshSearchAsync(db);
        return result;
    }

    /// <summary>Refuses the delete when <paramref name="referrers"/> is not empty.</summary>
    protected void RefuseIfLinked(TEntity entity, IReadOnlyCollection<string> referrers)
    {
        if (referrers.Count > 0)
        {
            throw CurationError.StillReferenced(TypeName, entity.Slug, referrers);
        }
    }
}
