using System.Linq.Expressions;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Batching;

namespace SubgraphKit.Entities;

/// <summary>Loads the rows of a one-to-many link for many parents at once: one <c>WHERE Key IN (...)</c> per batch.</summary>
public abstract class RowsByKeyLoader<TDbContext, TRow>(IDbContextFactory<TDbContext> contexts, Selector<TRow, string> key)
    : GroupedBatchLoader<string, TRow>
    where TDbContext : DbContext
    where TRow : class
{
    /// <summary>The rows whose key is <paramref name="key"/>, in <see cref="Order"/>.</summary>
    public IDataLoaderResult<IReadOnlyList<TRow>> Load(string key) => Enqueue(key);

    protected override async Task<IEnumerable<(string Key, TRow Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keyIn = Expression.Lambda<Func<TRow, bool>>(KeyFilter.Contains(keys, key.Expression.Body), key.Expression.Parameters);
        var rows = await Order(db.Set<TRow>().AsNoTracking().Where(keyIn)).ToListAsync(cancellationToken);
        return rows.Select(row => (key.Compiled(row), row));
    }

    /// <summary>The order of the rows within each parent's list.</summary>
    protected abstract IQueryable<TRow> Order(IQueryable<TRow> rows);
}
