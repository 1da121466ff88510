using Microsoft.EntityFrameworkCore;
using GlossarySubgraph.Data;
using SubgraphKit.Search;

namespace GlossarySubgraph.Search;

public sealed class GlossarySearchIndex(IDbContextFactory<GlossaryDb> contexts) : SearchIndex<GlossaryDb>(contexts)
{
    protected override IReadOnlyList<SearchSource<GlossaryDb>> Sources { get; } =
    [
        Source(
            "Term",
            db => db.Terms.Select(term => new { term, Perspectives = db.Perspectives.Where(perspective => perspective.Term == term.Slug).Select(perspective => perspective.Text).ToList() }),
            row => row.term.Slug,
            row => [row.term.Name, .. row.term.Abbreviations],
            row => [row.term.Definition, .. row.Perspectives]),
    ];
}
