using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Data.Configurations;

public sealed class ComparisonAspectConfiguration : IEntityTypeConfiguration<ComparisonAspect>
{
    public void Configure(EntityTypeBuilder<ComparisonAspect> builder)
    {
        builder.HasKey(aspect => aspect.Slug);
        builder.HasIndex(aspect => aspect.Position).IsUnique();
        builder.HasMany(aspect => aspect.Stances).WithOne().HasForeignKey(stance => stance.AspectSlug);
    }
}
