using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace RolesSubgraph.Tools;

/// <summary>The tools of many roles in one query.</summary>
public sealed class ToolsByRoleLoader(IDbContextFactory<RolesDb> contexts) : EntitiesByLinkLoader<RolesDb, Tool>(contexts, Roles)
{
    private static readonly Selector<Tool, List<string>> Roles = new(tool => tool.RoleSlugs);
}
