using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>A role's stances, strongest preference first.</summary>
public sealed class StancesByRoleLoader(IDbContextFactory<PatternsDb> contexts) : RowsByKeyLoader<PatternsDb, PatternStance>(contexts, RoleKey)
{
    private static readonly Selector<PatternStance, string> RoleKey = new(stance => stance.Role);

    protected override IQueryable<PatternStance> Order(IQueryable<PatternStance> rows) =>
        rows.OrderBy(stance => stance.Stance == Preference.Favours ? 0 : stance.Stance == Preference.WorksWith ? 1 : 2)
            .ThenBy(stance => stance.Pattern);
}
