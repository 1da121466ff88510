using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Batching;

namespace SubgraphKit.Entities;

/// <summary>
/// Loads entities by slug: N lookups in one level of a query become one <c>WHERE Slug IN (...)</c>,
/// reading only the columns the loading fields select.
/// </summary>
public abstract class EntityBySlugLoader<TDbContext, TEntity>(IDbContextFactory<TDbContext> contexts)
    : BatchLoader<string, TEntity?>, IEntityBySlugLoader<TEntity>
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    private readonly SelectedColumns<TEntity> _columns = new();

    public IDataLoaderResult<TEntity?> Load(string slug, IResolveFieldContext context)
    {
        _columns.Add(context);
        return Enqueue(slug);
    }

    protected override async Task<IReadOnlyDictionary<string, TEntity?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<TEntity>()
            .AsNoTracking()
            .Where(entity => keys.Contains(entity.Slug))
            .Select(_columns.ToProjection())
            .ToDictionaryAsync(entity => entity.Slug, entity => (TEntity?)entity, cancellationToken);
    }
}
