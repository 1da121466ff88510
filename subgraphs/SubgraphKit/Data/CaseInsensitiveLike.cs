using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SubgraphKit.Listing;

namespace SubgraphKit.Data;

/// <summary>
/// On PostgreSQL, turns every <c>EF.Functions.Like</c> into <c>ILike</c> before EF translates the query:
/// the listing filters' contains/startsWith/endsWith ignore case, as SQLite's LIKE does, with the same
/// pattern and escape character. It runs once per query shape, when EF compiles it, not per request.
/// </summary>
public sealed class CaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly CaseInsensitiveLike Instance = new();

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private CaseInsensitiveLike()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        node.Method == FilterTranslator.Like ? Expression.Call(ILike, node.Arguments.Select(Visit)!) : base.VisitMethodCall(node);
}
