using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace RolesSubgraph.Comparison;

public sealed class ComparisonAspectBySlugLoader(IDbContextFactory<RolesDb> contexts) : EntityBySlugLoader<RolesDb, ComparisonAspect>(contexts);
