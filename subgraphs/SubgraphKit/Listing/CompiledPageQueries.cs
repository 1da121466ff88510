using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SubgraphKit.Entities;

namespace SubgraphKit.Listing;

/// <summary>
/// EF compiled queries for the pages of an unfiltered listing, one per shape (sort keys and projected
/// columns), with the offset and the page size as parameters. An uncompiled query pays for building
/// its expression tree, EF's parameter extraction and a query-cache lookup on every request: about a
/// sixth of a list request's CPU in the profile (bench/profile.sh, README "Performance"). Filtered
/// listings stay uncompiled, because the filter's shape and values vary per request.
/// </summary>
public sealed class CompiledPageQueries<TDbContext, TEntity>(Expression<Func<TDbContext, IQueryable<TEntity>>> source)
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    /// <summary>Clients choose the shapes (any order of sort fields), so only this many are compiled; the rest run uncompiled.</summary>
    public const int MaxShapes = 256;

    private static readonly MethodInfo AsNoTracking = typeof(EntityFrameworkQueryableExtensions)
        .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!.MakeGenericMethod(typeof(TEntity));

    private static readonly MethodInfo Skip = QueryableMethods.Skip.MakeGenericMethod(typeof(TEntity));
    private static readonly MethodInfo Take = QueryableMethods.Take.MakeGenericMethod(typeof(TEntity));
    private static readonly MethodInfo Select = QueryableMethods.Select.MakeGenericMethod(typeof(TEntity), typeof(TEntity));

    private readonly ConcurrentDictionary<string, Func<TDbContext, int, int, IAsyncEnumerable<TEntity>>> _queries = new(StringComparer.Ordinal);

    /// <summary>The compiled page query for this shape, or null when <see cref="MaxShapes"/> others are compiled already.</summary>
    public Func<TDbContext, int, int, IAsyncEnumerable<TEntity>>? For(
        IReadOnlyList<(LambdaExpression Column, bool Descending)> order,
        IReadOnlySet<PropertyInfo> properties)
    {
        // Columns by member name: printing the expression (its ToString) cost 1.5% of a list request.
        var shape = string.Join(',', order.Select(key => (key.Descending ? "-" : "+") + ColumnName(key.Column)))
            + '|' + string.Join(',', properties.Select(property => property.Name).Order(StringComparer.Ordinal));
        if (_queries.TryGetValue(shape, out var query))
        {
            return query;
        }

        return _queries.Count >= MaxShapes ? null : _queries.GetOrAdd(shape, _ => Compile(order, properties));
    }

    /// <summary>A column read straight off the entity by its property's name; any other expression printed whole.</summary>
    private static string ColumnName(LambdaExpression column) =>
        column.Body is MemberExpression { Expression: ParameterExpression, Member.Name: var name } ? name : column.Body.ToString();

    private Func<TDbContext, int, int, IAsyncEnumerable<TEntity>> Compile(
        IReadOnlyList<(LambdaExpression Column, bool Descending)> order,
        IReadOnlySet<PropertyInfo> properties)
    {
        var db = Expression.Parameter(typeof(TDbContext), "db");
        var offset = Expression.Parameter(typeof(int), "offset");
        var size = Expression.Parameter(typeof(int), "size");
        var rows = Expression.Call(AsNoTracking, ReplacingExpressionVisitor.Replace(source.Parameters[0], db, source.Body));
        var ordered = SortTranslator.Order<TEntity>(rows, order);
        var page = Expression.Call(Take, Expression.Call(Skip, ordered, offset), size);
        var projected = Expression.Call(Select, page, Expression.Quote(Projection.Of<TEntity>(properties)));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<TDbContext, int, int, IQueryable<TEntity>>>(projected, db, offset, size));
    }
}
