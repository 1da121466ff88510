using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SubgraphKit.Data;

/// <summary>
/// Gives every text column on PostgreSQL the "C" collation: byte order, as SQLite's BINARY, so a
/// sort by name and the cursors of a page come out the same on both engines and on any server,
/// whatever locale its databases were created with. It is part of the model, so the migrations
/// carry it.
/// </summary>
public sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : ModelCustomizer(dependencies)
{
    public const string Collation = "C";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(type => type.GetProperties()).Where(property => property.ClrType == typeof(string)))
        {
            property.SetCollation(Collation);
        }
    }
}
