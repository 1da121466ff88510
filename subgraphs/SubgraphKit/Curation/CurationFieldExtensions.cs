using GraphQL.Types;

namespace SubgraphKit.Curation;

public static class CurationFieldExtensions
{
    /// <summary>
    /// Adds <c>create{Type}(input)</c>, <c>update{Type}(input)</c> and <c>delete{Type}(input: DeleteInput!)</c>
    /// to a subgraph's Mutation type, resolved by <typeparamref name="TCuration"/>.
    /// </summary>
    public static void CurationFields<TEntityType, TCreateInputType, TUpdateInputType, TCuration>(this ObjectGraphType mutation)
        where TEntityType : IGraphType
        where TCreateInputType : IInputObjectGraphType
        where TUpdateInputType : IInputObjectGraphType
        where TCuration : IEntityCuration, new()
    {
        var curation = new TCuration();
        var name = curation.TypeName;
        mutation.Field<NonNullGraphType<TEntityType>>("create" + name)
            .Description($"Adds a {name}. Needs a token with the write scope; the slug must be new and links must exist.")
            .Argument<NonNullGraphType<TCreateInputType>>("input")
            .ResolveAsync(curation.CreateAsync);
        mutation.Field<NonNullGraphType<TEntityType>>("update" + name)
            .Description($"Changes the fields sent, if the {name} is still at the version sent.")
            .Argument<NonNullGraphType<TUpdateInputType>>("input")
            .ResolveAsync(curation.UpdateAsync);
        mutation.Field<NonNullGraphType<IdGraphType>>("delete" + name)
            .Description($"Removes a {name} at the version sent, unless a record here still links to it. Returns its id.")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(curation.DeleteAsync);
    }
}
