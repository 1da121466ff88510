using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace RolesSubgraph.Comparison;

/// <summary>The cells of many table rows in one query, however the rows themselves were loaded.</summary>
public sealed class StancesByAspectLoader(IDbContextFactory<RolesDb> contexts) : RowsByKeyLoader<RolesDb, AspectStance>(contexts, AspectKey)
{
    private static readonly Selector<AspectStance, string> AspectKey = new(stance => stance.AspectSlug);

    protected override IQueryable<AspectStance> Order(IQueryable<AspectStance> rows) => rows.OrderBy(stance => stance.RoleSlug);
}
