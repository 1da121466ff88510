using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Data;

public class RolesDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<ComparisonAspect> ComparisonAspects => Set<ComparisonAspect>();
    public DbSet<AspectStance> AspectStances => Set<AspectStance>();
    public DbSet<Tool> Tools => Set<Tool>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RolesDb).Assembly);
}
