using System.Linq.Expressions;

namespace SubgraphKit.Listing;

/// <summary>What a client may filter a listed field by: the operators, and so the GraphQL input type.</summary>
public enum FilterKind
{
    /// <summary><c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c>, <c>contains</c>, <c>startsWith</c>, <c>endsWith</c>.</summary>
    Text,

    /// <summary><c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c>.</summary>
    Choice,

    /// <summary><c>eq</c>, <c>neq</c>, <c>in</c>, <c>nin</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>.</summary>
    Number,
}

/// <summary>One column of an entity that clients may filter and sort by, under its GraphQL field name.</summary>
public sealed record ListedField(string Name, LambdaExpression Column, FilterKind Kind)
{
    public Type ValueType => Column.ReturnType;
}
