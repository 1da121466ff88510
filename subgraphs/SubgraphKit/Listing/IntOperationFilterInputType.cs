using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary>The operators on an integer column.</summary>
public sealed class IntOperationFilterInputType : InputObjectGraphType
{
    public IntOperationFilterInputType()
    {
        Name = "IntOperationFilterInput";
        Field<IntGraphType>("eq");
        Field<IntGraphType>("neq");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("in");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("nin");
        Field<IntGraphType>("gt");
        Field<IntGraphType>("gte");
        Field<IntGraphType>("lt");
        Field<IntGraphType>("lte");
    }
}
