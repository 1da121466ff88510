using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GlossarySubgraph.Data;

public class GlossaryDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<TermPerspective> Perspectives => Set<TermPerspective>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GlossaryDb).Assembly);
}
