using SubgraphKit.Identity;

namespace SubgraphKit.Entities;

/// <summary>
/// An entity known here only by its federation key: the representation the gateway sends to
/// <c>_entities</c>, and the value this subgraph returns for an entity another subgraph owns.
/// Only keys cross subgraphs; the owner resolves every other field.
/// </summary>
public sealed class EntityReference
{
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The GraphQL type this reference stands for. Several reference types share this CLR class, so
    /// GraphQL.NET cannot tell them apart by CLR type when it resolves the <c>_Entity</c> union.
    /// </summary>
    public string TypeName { get; init; } = string.Empty;

    public static EntityReference For(string typeName, string slug) => new() { Id = GlobalId.Encode(typeName, slug), TypeName = typeName };

    /// <summary>The slug inside the id, or null when the id is not one of <paramref name="typeName"/>.</summary>
    public string? SlugOf(string typeName) => GlobalId.SlugOrNull(Id, typeName);
}
