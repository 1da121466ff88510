using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using SubgraphKit.Search;

namespace PatternsSubgraph.Search;

public sealed class PatternsSearchIndex(IDbContextFactory<PatternsDb> contexts) : SearchIndex<PatternsDb>(contexts)
{
    protected override IReadOnlyList<SearchSource> Sources { get; } =
    [
        new("ArchitecturePattern", "Patterns", ["Name"],
            ["Summary", "Benefits", "TradeOffs", "(SELECT group_concat(Rationale, ' ') FROM Stances WHERE Stances.Pattern = Patterns.Slug)"]),
        new("Practice", "Practices", ["Name"], ["Summary"]),
    ];
}
