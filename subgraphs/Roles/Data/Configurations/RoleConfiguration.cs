using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Data.Configurations;

public sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.HasKey(role => role.Slug);
        builder.Property(role => role.Name).HasMaxLength(100);
    }
}
