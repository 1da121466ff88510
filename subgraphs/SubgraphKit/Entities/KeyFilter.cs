using System.Linq.Expressions;

namespace SubgraphKit.Entities;

/// <summary>Builds <c>keys.Contains(value)</c> for the batch loaders' WHERE clauses.</summary>
internal static class KeyFilter
{
    /// <summary>
    /// The keys sit behind a property of a constant object, as a C# closure would hold them, so EF
    /// sends them as one SQL parameter instead of inlining a new statement text for every batch.
    /// </summary>
    public static MethodCallExpression Contains(IEnumerable<string> keys, Expression value) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Property(Expression.Constant(new KeyHolder([.. keys])), nameof(KeyHolder.Keys)), value);

    private sealed record KeyHolder(string[] Keys);
}
