using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Batching;
using SubgraphKit.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>The patterns many roles favour, stances and patterns joined in one query per batch, reading the pattern columns the fields select.</summary>
public sealed class FavouredPatternsByRoleLoader(IDbContextFactory<PatternsDb> contexts) : GroupedBatchLoader<string, ArchitecturePattern>
{
    private readonly SelectedColumns<ArchitecturePattern> _columns = new();

    public IDataLoaderResult<IReadOnlyList<ArchitecturePattern>> Load(string role, IResolveFieldContext context)
    {
        _columns.Add(context);
        return Enqueue(role);
    }

    protected override async Task<IEnumerable<(string Key, ArchitecturePattern Item)>> FetchGroupsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Stances.AsNoTracking()
            .Where(stance => stance.Stance == Preference.Favours && keys.Contains(stance.Role))
            .Join(db.Patterns.Select(_columns.ToProjection()), stance => stance.Pattern, pattern => pattern.Slug, (stance, pattern) => new { stance.Role, Pattern = pattern })
            .OrderBy(row => row.Pattern.Slug)
            .ToListAsync(cancellationToken);
        return rows.Select(row => (row.Role, row.Pattern));
    }
}
