using Microsoft.EntityFrameworkCore;

namespace PatternsSubgraph.Data;

/// <summary>
/// The same model as <see cref="PatternsDb"/> on PostgreSQL. It exists for its type alone, which selects
/// PostgreSQL's migrations (Data/Migrations/Postgres); SubgraphKit's AddSubgraphDatabase finds it.
/// </summary>
public sealed class PatternsPostgresDb(DbContextOptions options) : PatternsDb(options);
