using System.Linq.Expressions;
using SubgraphKit.Entities;

namespace SubgraphKit.Listing;

/// <summary>
/// Applies <c>order: [{ field: ASC|DESC }]</c> in the order written, then the listing's default order,
/// then the slug: offset cursors are only stable over a total order.
/// </summary>
public static class SortTranslator
{
    public static IQueryable<TEntity> Apply<TEntity>(
        IQueryable<TEntity> source,
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

        Expression<Func<TEntity, string>> slug = entity => entity.Slug;
        keys.AddRange(defaultOrder);
        keys.Add((slug, false));

        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var (column, descending) = keys[i];
            var method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(TEntity), column.ReturnType], expression, Expression.Quote(column));
        }

        return source.Provider.CreateQuery<TEntity>(expression);
    }
}

/// <summary>The values of <c>SortEnumType</c>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
