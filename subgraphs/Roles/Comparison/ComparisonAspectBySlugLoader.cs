using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Batching;
using SubgraphKit.Entities;

namespace RolesSubgraph.Comparison;

/// <summary>Loads aspects with their cells, so a row's stances come with the row in one query.</summary>
public sealed class ComparisonAspectBySlugLoader(IDbContextFactory<RolesDb> contexts) : BatchLoader<string, ComparisonAspect?>
{
    protected override async Task<IReadOnlyDictionary<string, ComparisonAspect?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ComparisonAspects.AsNoTracking()
            .Include(aspect => aspect.Stances)
            .Where(aspect => keys.Contains(aspect.Slug))
            .ToDictionaryAsync(aspect => aspect.Slug, aspect => (ComparisonAspect?)aspect, cancellationToken);
    }
}
