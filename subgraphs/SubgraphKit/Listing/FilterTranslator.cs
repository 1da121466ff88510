using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace SubgraphKit.Listing;

/// <summary>
/// Turns a parsed <c>where</c> argument into one predicate for EF to translate to SQL. Fields of one
/// input object are AND-ed, as in HotChocolate; <c>and</c>/<c>or</c> take lists of the same input.
/// A null operator value adds no condition.
/// </summary>
public static class FilterTranslator
{
    /// <summary>Bounds the work one request can ask for: nested and/or lists and <c>in</c> lists.</summary>
    public const int MaxValuesPerList = 100;

    private const char LikeEscape = '\\';

    /// <summary><c>EF.Functions.Like(column, pattern, escape)</c>, which contains/startsWith/endsWith become.</summary>
    internal static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ContainsValue = typeof(Enumerable).GetMethods()
        .Single(method => method.Name == nameof(Enumerable.Contains) && method.GetParameters().Length == 2);

    public static Expression<Func<TEntity, bool>> Translate<TEntity>(IDictionary<string, object?> where, IReadOnlyList<ListedField> fields)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var body = TranslateObject(where, fields, entity) ?? Expression.Constant(true);
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private static Expression? TranslateObject(IDictionary<string, object?> filter, IReadOnlyList<ListedField> fields, ParameterExpression entity)
    {
        Expression? result = null;
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            var condition = name switch
            {
                "and" => Combine(Nested(value, fields, entity), Expression.AndAlso),
                "or" => Combine(Nested(value, fields, entity), Expression.OrElse),
                _ => TranslateField(fields.Single(field => field.Name == name), (IDictionary<string, object?>)value, entity),
            };
            result = And(result, condition);
        }

        return result;
    }

    private static IEnumerable<Expression?> Nested(object value, IReadOnlyList<ListedField> fields, ParameterExpression entity) =>
        Bounded((IEnumerable)value, "and/or").Select(item => TranslateObject((IDictionary<string, object?>)item!, fields, entity));

    private static Expression? Combine(IEnumerable<Expression?> conditions, Func<Expression, Expression, Expression> combine)
    {
        Expression? result = null;
        foreach (var condition in conditions)
        {
            // An empty object inside and/or matches everything, as it does at the top level.
            var operand = condition ?? Expression.Constant(true);
            result = result is null ? operand : combine(result, operand);
        }

        return result;
    }

    private static Expression? TranslateField(ListedField field, IDictionary<string, object?> operations, ParameterExpression entity)
    {
        var column = ReplaceParameter(field.Column, entity);
        Expression? result = null;
        foreach (var (operation, value) in operations)
        {
            if (value is null)
            {
                continue;
            }

            Expression condition = operation switch
            {
                "eq" => Expression.Equal(column, Parameter(value, field.ValueType)),
                "neq" => Expression.NotEqual(column, Parameter(value, field.ValueType)),
                "in" => In(column, value, field),
                "nin" => Expression.Not(In(column, value, field)),
                "gt" => Expression.GreaterThan(column, Parameter(value, field.ValueType)),
                "gte" => Expression.GreaterThanOrEqual(column, Parameter(value, field.ValueType)),
                "lt" => Expression.LessThan(column, Parameter(value, field.ValueType)),
                "lte" => Expression.LessThanOrEqual(column, Parameter(value, field.ValueType)),
                "contains" => LikePattern(column, "%" + EscapeLike((string)value) + "%"),
                "startsWith" => LikePattern(column, EscapeLike((string)value) + "%"),
                "endsWith" => LikePattern(column, "%" + EscapeLike((string)value)),
                _ => throw new InvalidOperationException($"The filter input offers '{operation}', which the translator does not know."),
            };
            result = And(result, condition);
        }

        return result;
    }

    private static MethodCallExpression In(Expression column, object values, ListedField field)
    {
        var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(field.ValueType))!;
        foreach (var value in Bounded((IEnumerable)values, "in"))
        {
            typed.Add(value);
        }

        return Expression.Call(ContainsValue.MakeGenericMethod(field.ValueType), Parameter(typed, typed.GetType()), column);
    }

    // SQLite's LIKE ignores ASCII case, which is what a user typing into a filter box expects from
    // "contains"; eq stays exact. The user's own % and _ are escaped so they match literally.
    private static MethodCallExpression LikePattern(Expression column, string pattern) =>
        Expression.Call(Like, Expression.Constant(EF.Functions), column, Parameter(pattern, typeof(string)), Expression.Constant(LikeEscape.ToString()));

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static List<object?> Bounded(IEnumerable values, string name)
    {
        var list = values.Cast<object?>().ToList();
        if (list.Count > MaxValuesPerList)
        {
            throw new ExecutionError($"A filter's '{name}' list may hold at most {MaxValuesPerList} values; it held {list.Count}.") { Code = "FILTER_TOO_LARGE" };
        }

        return list;
    }

    /// <summary>
    /// A value as a closure member, not a constant: EF sends it as a SQL parameter, so every filter
    /// value reuses one cached query plan and no value is ever spliced into the SQL text.
    /// </summary>
    private static MemberExpression Parameter(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private static Expression ReplaceParameter(LambdaExpression column, ParameterExpression entity) =>
        new ParameterReplacer(column.Parameters[0], entity).Visit(column.Body);

    private sealed class ValueHolder<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
