using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>The patterns many roles favour, stances and patterns joined in one query per batch, reading the pattern columns the fields select.</summary>
public sealed class FavouredPatternsByRoleLoader(IDbContextFactory<PatternsDb> contexts) : GroupedEntityLoader<ArchitecturePattern>
{
    protected override async Task<IEnumerable<(string Key, ArchitecturePattern Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Stances.AsNoTracking()
            .Where(stance => stance.Stance == Preference.Favours && keys.Contains(stance.Role))
            .Join(db.Patterns.Select(Columns.ToProjection()), stance => stance.Pattern, pattern => pattern.Slug, (stance, pattern) => new { stance.Role, Pattern = pattern })
            .OrderBy(row => row.Pattern.Slug)
            .ToListAsync(cancellationToken);
        return rows.Select(row => (row.Role, row.Pattern));
    }
}
