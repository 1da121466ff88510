using Microsoft.EntityFrameworkCore;

namespace GlossarySubgraph.Data;

/// <summary>
/// The same model as <see cref="GlossaryDb"/> on PostgreSQL. It exists for its type alone, which selects
/// PostgreSQL's migrations (Data/Migrations/Postgres); SubgraphKit's AddSubgraphDatabase finds it.
/// </summary>
public sealed class GlossaryPostgresDb(DbContextOptions options) : GlossaryDb(options);
