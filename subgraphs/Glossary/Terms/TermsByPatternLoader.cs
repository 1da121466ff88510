using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace GlossarySubgraph.Terms;

public sealed class TermsByPatternLoader(IDbContextFactory<GlossaryDb> contexts) : EntitiesByLinkLoader<GlossaryDb, Term>(contexts, Patterns)
{
    private static readonly Selector<Term, List<string>> Patterns = new(term => term.Patterns);
}
