using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace GlossarySubgraph.Terms;

public sealed class TermBySlugLoader(IDbContextFactory<GlossaryDb> contexts) : EntityBySlugLoader<GlossaryDb, Term>(contexts);
