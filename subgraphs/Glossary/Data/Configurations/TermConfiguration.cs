using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GlossarySubgraph.Data.Configurations;

public sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.HasKey(term => term.Slug);
        builder.HasIndex(term => term.Name).IsUnique();
        builder.Property(term => term.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(term => term.Version).IsConcurrencyToken().HasDefaultValue(1);
    }
}
