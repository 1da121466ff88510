using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Data.Configurations;

public sealed class ToolConfiguration : IEntityTypeConfiguration<Tool>
{
    public void Configure(EntityTypeBuilder<Tool> builder)
    {
        builder.HasKey(tool => tool.Slug);
        builder.Property(tool => tool.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(tool => tool.Version).IsConcurrencyToken().HasDefaultValue(1);
    }
}
