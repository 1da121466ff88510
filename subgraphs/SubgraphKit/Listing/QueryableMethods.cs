using System.Linq.Expressions;
using System.Reflection;

namespace SubgraphKit.Listing;

/// <summary>
/// The generic definitions of the <see cref="Queryable"/> operators the listing builds expressions
/// with, looked up once: <c>Expression.Call(typeof(Queryable), name, ...)</c> searches Queryable's
/// methods by reflection on every call, which was the largest allocation of a list request.
/// </summary>
internal static class QueryableMethods
{
    public static readonly MethodInfo OrderBy = KeySelector(nameof(Queryable.OrderBy));
    public static readonly MethodInfo OrderByDescending = KeySelector(nameof(Queryable.OrderByDescending));
    public static readonly MethodInfo ThenBy = KeySelector(nameof(Queryable.ThenBy));
    public static readonly MethodInfo ThenByDescending = KeySelector(nameof(Queryable.ThenByDescending));

    /// <summary><c>Select(source, entity =&gt; result)</c>, not the overload whose selector takes the index.</summary>
    public static readonly MethodInfo Select = KeySelector(nameof(Queryable.Select));

    public static readonly MethodInfo Skip = Counted(nameof(Queryable.Skip));
    public static readonly MethodInfo Take = Counted(nameof(Queryable.Take));

    /// <summary>The overload of (source, <c>Expression&lt;Func&lt;TSource, TResult&gt;&gt;</c>): no comparer, no index.</summary>
    private static MethodInfo KeySelector(string name) =>
        typeof(Queryable).GetMethods().Single(method => method.Name == name
            && method.GetParameters() is [_, { ParameterType: { IsGenericType: true } selector }]
            && selector.GetGenericTypeDefinition() == typeof(Expression<>)
            && selector.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    /// <summary>The overload of (source, int), not the one of (source, Range).</summary>
    private static MethodInfo Counted(string name) =>
        typeof(Queryable).GetMethods().Single(method => method.Name == name
            && method.GetParameters() is [_, { ParameterType: var count }] && count == typeof(int));
}
