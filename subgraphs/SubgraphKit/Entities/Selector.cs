using System.Linq.Expressions;

namespace SubgraphKit.Entities;

/// <summary>
/// A column as an expression (for EF to translate) and as a compiled delegate (to group the rows it
/// returned). Loaders hold theirs in a static field: compiling once per request would be a hot-path cost.
/// </summary>
public sealed class Selector<T, TValue>(Expression<Func<T, TValue>> expression)
{
    public Expression<Func<T, TValue>> Expression { get; } = expression;

    public Func<T, TValue> Compiled { get; } = expression.Compile();
}
