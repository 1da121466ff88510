using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace GlossarySubgraph.Terms;

public sealed class PerspectivesByRoleLoader(IDbContextFactory<GlossaryDb> contexts) : RowsByKeyLoader<GlossaryDb, TermPerspective>(contexts, RoleKey)
{
    private static readonly Selector<TermPerspective, string> RoleKey = new(perspective => perspective.Role);

    protected override IQueryable<TermPerspective> Order(IQueryable<TermPerspective> rows) => rows.OrderBy(perspective => perspective.Term);
}
