using Microsoft.EntityFrameworkCore;

namespace RolesSubgraph.Data;

/// <summary>
/// The same model as <see cref="RolesDb"/> on PostgreSQL. It exists for its type alone, which selects
/// PostgreSQL's migrations (Data/Migrations/Postgres); SubgraphKit's AddSubgraphDatabase finds it.
/// </summary>
public sealed class RolesPostgresDb(DbContextOptions options) : RolesDb(options);
