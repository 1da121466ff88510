using System.Linq.Expressions;
using System.Reflection;

namespace SubgraphKit.Entities;

/// <summary>Builds the batch loaders' WHERE clauses over a batch's keys.</summary>
internal static class KeyFilter
{
    // Looked up once: Expression.Call(typeof(Enumerable), name, ...) searches Enumerable's methods by
    // reflection on every call, which was the largest allocation of an _entities request.
    private static readonly MethodInfo ContainsString = new Func<IEnumerable<string>, string, bool>(Enumerable.Contains).Method;
    private static readonly MethodInfo AnyString = new Func<IEnumerable<string>, Func<string, bool>, bool>(Enumerable.Any).Method;

    /// <summary>
    /// <c>keys.Contains(value)</c>. The keys sit behind a property of a constant object, as a C# closure
    /// would hold them, so EF sends them as one SQL parameter instead of inlining a new statement text
    /// for every batch.
    /// </summary>
    public static MethodCallExpression Contains(IEnumerable<string> keys, Expression value) =>
        Expression.Call(ContainsString, Expression.Property(Expression.Constant(new KeyHolder([.. keys])), nameof(KeyHolder.Keys)), value);

    /// <summary><c>links.Any(link =&gt; keys.Contains(link))</c>, for a list of linked slugs.</summary>
    public static MethodCallExpression AnyOf(IEnumerable<string> keys, Expression links)
    {
        var link = Expression.Parameter(typeof(string), "link");
        return Expression.Call(AnyString, links, Expression.Lambda<Func<string, bool>>(Contains(keys, link), link));
    }

    private sealed record KeyHolder(string[] Keys);
}
