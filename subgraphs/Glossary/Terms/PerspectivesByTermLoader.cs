using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace GlossarySubgraph.Terms;

public sealed class PerspectivesByTermLoader(IDbContextFactory<GlossaryDb> contexts) : RowsByKeyLoader<GlossaryDb, TermPerspective>(contexts, TermKey)
{
    private static readonly Selector<TermPerspective, string> TermKey = new(perspective => perspective.Term);

    protected override IQueryable<TermPerspective> Order(IQueryable<TermPerspective> rows) => rows.OrderBy(perspective => perspective.Role);
}
