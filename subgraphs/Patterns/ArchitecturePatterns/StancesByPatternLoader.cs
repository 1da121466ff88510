using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class StancesByPatternLoader(IDbContextFactory<PatternsDb> contexts) : RowsByKeyLoader<PatternsDb, PatternStance>(contexts, PatternKey)
{
    private static readonly Selector<PatternStance, string> PatternKey = new(stance => stance.Pattern);

    protected override IQueryable<PatternStance> Order(IQueryable<PatternStance> rows) => rows.OrderBy(stance => stance.Role);
}
