using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Data.Configurations;

public sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasKey(practice => practice.Slug);
        builder.Property(practice => practice.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(practice => practice.Version).IsConcurrencyToken().HasDefaultValue(1);
    }
}
