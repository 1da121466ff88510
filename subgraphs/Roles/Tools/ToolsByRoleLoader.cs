using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Batching;

namespace RolesSubgraph.Tools;

/// <summary>The tools of many roles in one query: a tool lists its roles' slugs, so it is matched in SQL with json_each.</summary>
public sealed class ToolsByRoleLoader(IDbContextFactory<RolesDb> contexts) : GroupedBatchLoader<string, Tool>
{
    protected override async Task<IEnumerable<(string Key, Tool Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tools = await db.Tools.AsNoTracking()
            .Where(tool => tool.RoleSlugs.Any(role => keys.Contains(role)))
            .OrderBy(tool => tool.Name)
            .ToListAsync(cancellationToken);
        return tools.SelectMany(tool => tool.RoleSlugs.Where(keys.Contains).Select(role => (role, tool)));
    }
}
