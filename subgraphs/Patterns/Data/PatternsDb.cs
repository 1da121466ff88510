using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Data;

public class PatternsDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ArchitecturePattern> Patterns => Set<ArchitecturePattern>();
    public DbSet<PatternStance> Stances => Set<PatternStance>();
    public DbSet<Practice> Practices => Set<Practice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PatternsDb).Assembly);
}
