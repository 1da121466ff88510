using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Data.Configurations;

public sealed class ArchitecturePatternConfiguration : IEntityTypeConfiguration<ArchitecturePattern>
{
    public void Configure(EntityTypeBuilder<ArchitecturePattern> builder)
    {
        builder.HasKey(pattern => pattern.Slug);
        builder.Property(pattern => pattern.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(pattern => pattern.Version).IsConcurrencyToken().HasDefaultValue(1);
    }
}
