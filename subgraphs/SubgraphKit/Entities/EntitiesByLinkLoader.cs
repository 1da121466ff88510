using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SubgraphKit.Entities;

/// <summary>
/// Loads, for many keys at once, the entities whose list of linked slugs (a JSON column) contains
/// each key: one <c>WHERE EXISTS (SELECT 1 FROM json_each(...) WHERE value IN (...))</c> per batch,
/// reading the link column and the columns the loading fields select. One declaration per link, such
/// as practices by the patterns they apply to.
/// </summary>
public abstract class EntitiesByLinkLoader<TDbContext, TEntity>(IDbContextFactory<TDbContext> contexts, Selector<TEntity, List<string>> links)
    : GroupedEntityLoader<TEntity>(links.Expression)
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    protected override async Task<IEnumerable<(string Key, TEntity Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<TEntity>().AsNoTracking()
            .Where(LinksAnyOf(keys))
            .OrderBy(entity => entity.Slug)
            .Select(Columns.ToProjection())
            .ToListAsync(cancellationToken);
        return rows.SelectMany(entity => links.Compiled(entity).Where(keys.Contains).Select(key => (key, entity)));
    }

    /// <summary>Builds <c>entity =&gt; links(entity).Any(link =&gt; keys.Contains(link))</c>.</summary>
    private Expression<Func<TEntity, bool>> LinksAnyOf(IReadOnlyCollection<string> keys) =>
        Expression.Lambda<Func<TEntity, bool>>(KeyFilter.AnyOf(keys, links.Expression.Body), links.Expression.Parameters);
}
