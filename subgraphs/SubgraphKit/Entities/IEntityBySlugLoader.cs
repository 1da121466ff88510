using GraphQL;
using GraphQL.DataLoader;

namespace SubgraphKit.Entities;

/// <summary>What <see cref="EntityGraphTypeExtensions.OwnedEntity{TEntity, TLoader}"/> needs of an entity's loader, whatever its database.</summary>
public interface IEntityBySlugLoader<TEntity>
    where TEntity : class, ISlugged
{
    /// <summary>The entity with this slug, or null, for the field of <paramref name="context"/>.</summary>
    IDataLoaderResult<TEntity?> Load(string slug, IResolveFieldContext context);
}
