using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQLParser.AST;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace SubgraphKit.Listing;

/// <summary>
/// Reads only the columns the query selects on a connection's nodes (under <c>nodes</c> and
/// <c>edges.node</c>, through fragments), as <c>SELECT</c> of those columns into a fresh entity.
/// The slug is always read: the global id, and every batch-loaded field, derive from it.
/// </summary>
public static class Projection
{
    private static readonly string[][] NodePaths = [["nodes"], ["edges", "node"]];

    /// <summary>
    /// Which property each GraphQL field of <typeparamref name="TEntity"/> reads, worked out once per
    /// listing: a property of the same name (ignoring case), <c>source</c> from the section, and the
    /// listing's renamed columns. Fields missing from the map need only the slug.
    /// </summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Columns<TEntity>(IReadOnlyDictionary<string, LambdaExpression> renamedColumns)
        where TEntity : class, ISlugged
    {
        var columns = typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && IsColumn(property.PropertyType))
            .ToDictionary(property => char.ToLowerInvariant(property.Name[0]) + property.Name[1..], StringComparer.OrdinalIgnoreCase);
        if (typeof(ISourced).IsAssignableFrom(typeof(TEntity)))
        {
            columns["source"] = typeof(TEntity).GetProperty(nameof(ISourced.Section))!;
        }

        foreach (var (name, column) in renamedColumns)
        {
            columns[name] = column.Body is MemberExpression { Member: PropertyInfo property }
                ? property
                : throw new InvalidOperationException($"The column read for '{name}' must be a property of {typeof(TEntity).Name}.");
        }

        return columns;
    }

    /// <summary>The properties this request's selection reads, from the listing's <see cref="Columns{TEntity}"/>; the slug always.</summary>
    public static IReadOnlySet<PropertyInfo> Properties<TEntity>(IResolveFieldContext context, IReadOnlyDictionary<string, PropertyInfo> columns)
        where TEntity : class, ISlugged
    {
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in NodePaths)
        {
            CollectFields(context, context.FieldAst.SelectionSet, path, selected);
        }

        var properties = new HashSet<PropertyInfo> { SlugOf<TEntity>.Property };
        foreach (var name in selected)
        {
            if (columns.TryGetValue(name, out var property))
            {
                properties.Add(property);
            }
        }

        return properties;
    }

    /// <summary><c>entity =&gt; new TEntity { P1 = entity.P1, ... }</c> for the given properties.</summary>
    public static Expression<Func<TEntity, TEntity>> Of<TEntity>(IEnumerable<PropertyInfo> properties)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var bindings = properties.Select(property => Expression.Bind(property, Expression.Property(entity, property)));
        return Expression.Lambda<Func<TEntity, TEntity>>(Expression.MemberInit(Expression.New(typeof(TEntity)), bindings), entity);
    }

    private static class SlugOf<TEntity>
    {
        public static readonly PropertyInfo Property = typeof(TEntity).GetProperty(nameof(ISlugged.Slug))!;
    }

    // Scalars, enums and JSON lists of strings are columns; other collections are navigations.
    private static bool IsColumn(Type type) =>
        type.IsValueType || type == typeof(string) || type == typeof(List<string>);

    /// <summary>Adds the names of the fields selected at <paramref name="path"/> below <paramref name="selectionSet"/>.</summary>
    private static void CollectFields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, ReadOnlySpan<string> path, HashSet<string> names)
    {
        foreach (var field in FieldsOf(context, selectionSet))
        {
            var name = field.Name.StringValue;
            if (path.IsEmpty)
            {
                names.Add(name);
            }
            else if (name == path[0])
            {
                CollectFields(context, field.SelectionSet, path[1..], names);
            }
        }
    }

    // @skip/@include are not evaluated: a skipped field's column is read anyway, which is safe.
    private static IEnumerable<GraphQLField> FieldsOf(IResolveFieldContext context, GraphQLSelectionSet? selectionSet)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            var nested = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => FieldsOf(context, inline.SelectionSet),
                GraphQLFragmentSpread spread => FieldsOf(context, context.Document.Definitions
                    .OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(fragment => fragment.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }
}
