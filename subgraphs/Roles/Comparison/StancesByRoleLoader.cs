using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Batching;

namespace RolesSubgraph.Comparison;

/// <summary>A role's column of the comparison table, in the table's row order.</summary>
public sealed class StancesByRoleLoader(IDbContextFactory<RolesDb> contexts) : GroupedBatchLoader<string, AspectStance>
{
    public IDataLoaderResult<IReadOnlyList<AspectStance>> Load(string role) => Enqueue(role);

    protected override async Task<IEnumerable<(string Key, AspectStance Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ComparisonAspects.AsNoTracking()
            .OrderBy(aspect => aspect.Position)
            .SelectMany(aspect => aspect.Stances)
            .Where(stance => keys.Contains(stance.RoleSlug))
            .ToListAsync(cancellationToken);
        return rows.Select(stance => (stance.RoleSlug, stance));
    }
}
