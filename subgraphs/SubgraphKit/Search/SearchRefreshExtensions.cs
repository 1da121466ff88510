using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SubgraphKit.Search;

public static class SearchRefreshExtensions
{
    /// <summary>Rebuilds this subgraph's search table after a curation write, so search finds the change at once.</summary>
    public static async Task RefreshSearchAsync<TDbContext>(this IResolveFieldContext context, TDbContext db)
        where TDbContext : DbContext
    {
        foreach (var index in context.RequestServices!.GetServices<SearchIndex<TDbContext>>())
        {
            await index.RebuildAsync(db, context.CancellationToken);
        }
    }
}
