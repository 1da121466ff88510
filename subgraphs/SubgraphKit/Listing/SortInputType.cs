using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary><c>{Type}SortInput</c>: a direction per listed column; an <c>order</c> list applies them in turn.</summary>
public sealed class SortInputType<TListing> : InputObjectGraphType
    where TListing : EntityListing, new()
{
    public SortInputType()
    {
        var listing = new TListing();
        Name = listing.TypeName + "SortInput";
        foreach (var field in listing.Fields)
        {
            Field<SortEnumType>(field.Name);
        }
    }
}
