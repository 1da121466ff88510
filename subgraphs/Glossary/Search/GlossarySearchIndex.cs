using Microsoft.EntityFrameworkCore;
using GlossarySubgraph.Data;
using SubgraphKit.Search;

namespace GlossarySubgraph.Search;

public sealed class GlossarySearchIndex(IDbContextFactory<GlossaryDb> contexts) : SearchIndex<GlossaryDb>(contexts)
{
    protected override IReadOnlyList<SearchSource> Sources { get; } =
    [
        new("Term", "Terms", ["Name", "Abbreviations"],
            ["Definition", "(SELECT group_concat(Text, ' ') FROM Perspectives WHERE Perspectives.Term = Terms.Slug)"]),
    ];
}
