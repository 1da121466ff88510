using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class PatternBySlugLoader(IDbContextFactory<PatternsDb> contexts) : EntityBySlugLoader<PatternsDb, ArchitecturePattern>(contexts);
