using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.Practices;

public sealed class PracticeBySlugLoader(IDbContextFactory<PatternsDb> contexts) : EntityBySlugLoader<PatternsDb, Practice>(contexts);
