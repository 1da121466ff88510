using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary>The operators on a text column. <c>contains</c>, <c>startsWith</c> and <c>endsWith</c> ignore ASCII case.</summary>
public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Field<StringGraphType>("eq").Description("Equal, exactly.");
        Field<StringGraphType>("neq").Description("Not equal.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description("One of these values.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("nin").Description("None of these values.");
        Field<StringGraphType>("contains").Description("Contains this text, ignoring case.");
        Field<StringGraphType>("startsWith").Description("Starts with this text, ignoring case.");
        Field<StringGraphType>("endsWith").Description("Ends with this text, ignoring case.");
    }
}
