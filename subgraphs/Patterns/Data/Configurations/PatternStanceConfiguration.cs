using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Data.Configurations;

public sealed class PatternStanceConfiguration : IEntityTypeConfiguration<PatternStance>
{
    public void Configure(EntityTypeBuilder<PatternStance> builder)
    {
        builder.HasKey(stance => new { stance.Pattern, stance.Role });
        builder.HasOne<ArchitecturePattern>().WithMany().HasForeignKey(stance => stance.Pattern);
        builder.HasIndex(stance => stance.Role);
        builder.Property(stance => stance.Stance).HasConversion<string>().HasMaxLength(20);
    }
}
