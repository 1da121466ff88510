using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SubgraphKit.Identity;

namespace SubgraphKit.Entities;

/// <summary>The one way an entity type declares its identity: <c>id: ID!</c>, the federation key, and how to resolve it.</summary>
public static class EntityGraphTypeExtensions
{
    /// <summary>
    /// For an entity this subgraph owns: the opaque global <c>id</c>, <c>slug</c>, <c>@key(fields: "id")</c>,
    /// and <c>_entities</c> resolution through <typeparamref name="TLoader"/>, one SQL query per batch.
    /// </summary>
    public static void OwnedEntity<TEntity, TLoader>(this ObjectGraphType<TEntity> type, string typeName)
        where TEntity : class, ISlugged
        where TLoader : class, IEntityBySlugLoader<TEntity>
    {
        type.Name = typeName;
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The opaque global id, and the federation key.")
            .Resolve(context => GlobalId.Encode(typeName, context.Source.Slug));
        type.Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("The readable, stable key, for lookups and URLs.")
            .Resolve(context => context.Source.Slug);
        type.Key("id");
        // A key that decodes to nothing loads the empty slug, which no row has: the entity resolves to null.
        type.ResolveReference<EntityReference, TEntity>((context, reference) =>
            context.RequestServices!.GetRequiredService<TLoader>().Load(reference.SlugOf(typeName) ?? string.Empty, context)!);
        // How Query.node loads this type, where this subgraph declares Node (NodeFieldExtensions).
        type.Metadata[NodeFieldExtensions.LoaderMetadataKey] = new Func<IResolveFieldContext, string, object>((context, slug) =>
            context.RequestServices!.GetRequiredService<TLoader>().Load(slug, context));
    }

    /// <summary>
    /// For an entity another subgraph owns: only its key. With <paramref name="contributesFields"/> the
    /// gateway may call this subgraph's <c>_entities</c> for it, to resolve the fields added here.
    /// </summary>
    public static void ReferencedEntity(this ObjectGraphType<EntityReference> type, string typeName, bool contributesFields)
    {
        type.Name = typeName;
        type.IsTypeOf = value => value is EntityReference reference && reference.TypeName == typeName;
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id);
        type.Key("id", resolvable: contributesFields);
        if (contributesFields)
        {
            type.ResolveReference<EntityReference>((_, reference) => new EntityReference { Id = reference.Id, TypeName = typeName });
        }
    }
}
