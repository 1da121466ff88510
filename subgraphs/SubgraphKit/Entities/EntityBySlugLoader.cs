using Microsoft.EntityFrameworkCore;
using SubgraphKit.Batching;

namespace SubgraphKit.Entities;

/// <summary>Loads entities by slug: N lookups in one level of a query become one <c>WHERE Slug IN (...)</c>.</summary>
public abstract class EntityBySlugLoader<TDbContext, TEntity>(IDbContextFactory<TDbContext> contexts)
    : BatchLoader<string, TEntity?>
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    protected override async Task<IReadOnlyDictionary<string, TEntity?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<TEntity>()
            .AsNoTracking()
            .Where(entity => keys.Contains(entity.Slug))
            .ToDictionaryAsync(entity => entity.Slug, entity => (TEntity?)entity, cancellationToken);
    }
}
