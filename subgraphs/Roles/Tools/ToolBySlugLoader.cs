using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace RolesSubgraph.Tools;

public sealed class ToolBySlugLoader(IDbContextFactory<RolesDb> contexts) : EntityBySlugLoader<RolesDb, Tool>(contexts);
