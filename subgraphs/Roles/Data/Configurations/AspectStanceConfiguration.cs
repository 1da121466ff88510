using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Data.Configurations;

public sealed class AspectStanceConfiguration : IEntityTypeConfiguration<AspectStance>
{
    public void Configure(EntityTypeBuilder<AspectStance> builder)
    {
        builder.HasKey(stance => new { stance.AspectSlug, stance.RoleSlug });
        builder.HasOne<Role>().WithMany().HasForeignKey(stance => stance.RoleSlug);
        builder.HasIndex(stance => stance.RoleSlug);
        builder.Property(stance => stance.Version).IsConcurrencyToken().HasDefaultValue(1);
    }
}
