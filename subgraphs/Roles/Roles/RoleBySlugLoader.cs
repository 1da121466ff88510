using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace RolesSubgraph.Roles;

public sealed class RoleBySlugLoader(IDbContextFactory<RolesDb> contexts) : EntityBySlugLoader<RolesDb, Role>(contexts);
