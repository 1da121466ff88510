using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary>
/// The operators on an enum column, such as <c>TermKindOperationFilterInput</c>. It refers to the
/// subgraph's GraphQL enum by name, which by convention is the CLR enum's name.
/// </summary>
public sealed class EnumOperationFilterInputType<TEnum> : InputObjectGraphType
    where TEnum : struct, Enum
{
    public EnumOperationFilterInputType()
    {
        var enumName = typeof(TEnum).Name;
        Name = enumName + "OperationFilterInput";
        AddField(new FieldType { Name = "eq", ResolvedType = new GraphQLTypeReference(enumName) });
        AddField(new FieldType { Name = "neq", ResolvedType = new GraphQLTypeReference(enumName) });
        AddField(new FieldType { Name = "in", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(enumName))) });
        AddField(new FieldType { Name = "nin", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(enumName))) });
    }
}
