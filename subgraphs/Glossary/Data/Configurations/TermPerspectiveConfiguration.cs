using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GlossarySubgraph.Data.Configurations;

public sealed class TermPerspectiveConfiguration : IEntityTypeConfiguration<TermPerspective>
{
    public void Configure(EntityTypeBuilder<TermPerspective> builder)
    {
        builder.HasKey(perspective => new { perspective.Term, perspective.Role });
        builder.HasOne<Term>().WithMany().HasForeignKey(perspective => perspective.Term);
        builder.HasIndex(perspective => perspective.Role);
    }
}
