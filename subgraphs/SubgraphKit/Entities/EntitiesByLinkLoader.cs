using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Batching;

namespace SubgraphKit.Entities;

/// <summary>
/// Loads, for many keys at once, the entities whose list of linked slugs (a JSON column) contains
/// each key: one <c>WHERE EXISTS (SELECT 1 FROM json_each(...) WHERE value IN (...))</c> per batch.
/// One declaration per link, such as practices by the patterns they apply to.
/// </summary>
public abstract class EntitiesByLinkLoader<TDbContext, TEntity> : GroupedBatchLoader<string, TEntity>
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    private readonly IDbContextFactory<TDbContext> _contexts;
    private readonly Func<TEntity, List<string>> _linksOf;
    private readonly Expression<Func<TEntity, List<string>>> _links;

    protected EntitiesByLinkLoader(IDbContextFactory<TDbContext> contexts, Selector<TEntity, List<string>> links)
    {
        _contexts = contexts;
        _links = links.Expression;
        _linksOf = links.Compiled;
    }

    protected override async Task<IEnumerable<(string Key, TEntity Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<TEntity>().AsNoTracking()
            .Where(LinksAnyOf(keys))
            .OrderBy(entity => entity.Slug)
            .ToListAsync(cancellationToken);
        return rows.SelectMany(entity => _linksOf(entity).Where(keys.Contains).Select(key => (key, entity)));
    }

    /// <summary>Builds <c>entity =&gt; links(entity).Any(link =&gt; keys.Contains(link))</c>, with the keys as one SQL parameter.</summary>
    private Expression<Func<TEntity, bool>> LinksAnyOf(IReadOnlyCollection<string> keys)
    {
        var link = Expression.Parameter(typeof(string), "link");
        var keyList = Expression.Property(Expression.Constant(new KeyHolder([.. keys])), nameof(KeyHolder.Keys));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], keyList, link);
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], _links.Body, Expression.Lambda<Func<string, bool>>(contains, link));
        return Expression.Lambda<Func<TEntity, bool>>(any, _links.Parameters);
    }

    /// <summary>A closure-like holder, so EF sends the keys as a parameter instead of inlining constants.</summary>
    private sealed record KeyHolder(string[] Keys);
}
