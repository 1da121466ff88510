using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using SubgraphKit.Search;

namespace PatternsSubgraph.Search;

public sealed class PatternsSearchIndex(IDbContextFactory<PatternsDb> contexts) : SearchIndex<PatternsDb>(contexts)
{
    protected override IReadOnlyList<SearchSource<PatternsDb>> Sources { get; } =
    [
        Source(
            "ArchitecturePattern",
            db => db.Patterns.Select(pattern => new { pattern, Rationales = db.Stances.Where(stance => stance.Pattern == pattern.Slug).Select(stance => stance.Rationale).ToList() }),
            row => row.pattern.Slug,
            row => [row.pattern.Name],
            row => [row.pattern.Summary, .. row.pattern.Benefits, .. row.pattern.TradeOffs, .. row.Rationales]),
        Source("Practice", db => db.Practices, practice => practice.Slug, practice => [practice.Name], practice => [practice.Summary]),
    ];
}
