using System.Linq.Expressions;
using SubgraphKit.Entities;

namespace SubgraphKit.Listing;

/// <summary>
/// Applies <c>order: [{ field: ASC|DESC }]</c> in the order written, then the listing's default order,
/// then the slug: offset cursors are only stable over a total order.
/// </summary>
public static class SortTranslator
{
    /// <summary>The sort keys in order: the client's, the listing's default, then the slug.</summary>
    public static IReadOnlyList<(LambdaExpression Column, bool Descending)> Keys<TEntity>(
        IEnumerable<object?>? order,
        IReadOnlyList<ListedField> fields,
        IEnumerable<(LambdaExpression Column, bool Descending)> defaultOrder)
        where TEntity : ISlugged
    {
        var keys = new List<(LambdaExpression Column, bool Descending)>();
        foreach (var clause in order ?? [])
        {
            foreach (var (name, direction) in (IDictionary<string, object?>)clause!)
            {
                if (direction is SortDirection sort)
                {
                    keys.Add((fields.Single(field => field.Name == name).Column, sort == SortDirection.Descending));
                }
            }
        }

        keys.AddRange(defaultOrder);
        keys.Add((SlugColumn<TEntity>.Expression, false));
        return keys;
    }

    /// <summary><paramref name="source"/> (an <c>IQueryable&lt;TEntity&gt;</c> expression) ordered by <paramref name="keys"/>.</summary>
    public static Expression Order<TEntity>(Expression source, IReadOnlyList<(LambdaExpression Column, bool Descending)> keys)
    {
        var expression = source;
        for (var i = 0; i < keys.Count; i++)
        {
            var (column, descending) = keys[i];
            var method = (i == 0, descending) switch
            {
                (true, false) => QueryableMethods.OrderBy,
                (true, true) => QueryableMethods.OrderByDescending,
                (false, false) => QueryableMethods.ThenBy,
                (false, true) => QueryableMethods.ThenByDescending,
            };
            expression = Expression.Call(method.MakeGenericMethod(typeof(TEntity), column.ReturnType), expression, Expression.Quote(column));
        }

        return expression;
    }

    private static class SlugColumn<TEntity>
        where TEntity : ISlugged
    {
        public static readonly Expression<Func<TEntity, string>> Expression = entity => entity.Slug;
    }
}

/// <summary>The values of <c>SortEnumType</c>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
