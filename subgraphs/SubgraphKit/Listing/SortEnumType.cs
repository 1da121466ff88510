using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary><c>enum SortEnumType { ASC DESC }</c>, named and shaped as HotChocolate's, which frontends already know.</summary>
public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", SortDirection.Ascending, "Smallest, or A, first.");
        Add("DESC", SortDirection.Descending, "Largest, or Z, first.");
    }
}
