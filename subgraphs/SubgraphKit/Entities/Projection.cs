using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQLParser.AST;
using SubgraphKit.Provenance;

namespace SubgraphKit.Entities;

/// <summary>
/// Reads only the columns a query selects, as <c>SELECT</c> of those columns into a fresh entity: for a
/// connection's nodes (under <c>nodes</c> and <c>edges.node</c>) and for the entities a batch loader
/// returns (<see cref="SelectedColumns{TEntity}"/>), through fragments. The slug is always read: the
/// global id, and every batch-loaded field, derive from it.
/// </summary>
public static class Projection
{
    /// <summary>Where a connection's entities sit below its field.</summary>
    public static readonly string[][] NodePaths = [["nodes"], ["edges", "node"]];

    /// <summary>The entities are the field's own value (an entity, a list of them, or <c>_entities</c>).</summary>
    public static readonly string[][] DirectFields = [[]];

    /// <summary>The properties the selection at <paramref name="paths"/> below the context's field reads; the slug always.</summary>
    public static IReadOnlySet<PropertyInfo> Properties<TEntity>(IResolveFieldContext context, string[][] paths)
        where TEntity : class, ISlugged
    {
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            CollectFields(context, context.FieldAst.SelectionSet, path, selected);
        }

        var properties = new HashSet<PropertyInfo> { SlugOf<TEntity>() };
        foreach (var name in selected)
        {
            if (ColumnsOf<TEntity>.ByField.TryGetValue(name, out var property))
            {
                properties.Add(property);
            }
        }

        return properties;
    }

    public static PropertyInfo SlugOf<TEntity>() => ColumnsOf<TEntity>.Slug;

    /// <summary>The column each field name reads, for an entity type known only at run time (the schema tests).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> ColumnsByField(Type entityType) =>
        (IReadOnlyDictionary<string, PropertyInfo>)typeof(ColumnsOf<>).MakeGenericType(entityType)
            .GetField(nameof(ColumnsOf<object>.ByField))!.GetValue(null)!;

    /// <summary><c>entity =&gt; new TEntity { P1 = entity.P1, ... }</c> for the given properties.</summary>
    public static Expression<Func<TEntity, TEntity>> Of<TEntity>(IEnumerable<PropertyInfo> properties)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var bindings = properties.Select(property => Expression.Bind(property, Expression.Property(entity, property)));
        return Expression.Lambda<Func<TEntity, TEntity>>(Expression.MemberInit(Expression.New(typeof(TEntity)), bindings), entity);
    }

    /// <summary>
    /// Which property each GraphQL field of <typeparamref name="TEntity"/> reads, worked out once per
    /// type: a property of the same name (ignoring case), <c>source</c> from the section, and the names
    /// given by <see cref="ReadByFieldAttribute"/>. Fields missing from the map need only the slug.
    /// </summary>
    private static class ColumnsOf<TEntity>
    {
        public static readonly PropertyInfo Slug = typeof(TEntity).GetProperty(nameof(ISlugged.Slug))!;

        public static readonly IReadOnlyDictionary<string, PropertyInfo> ByField = Map();

        private static Dictionary<string, PropertyInfo> Map()
        {
            var sourced = typeof(ISourced).IsAssignableFrom(typeof(TEntity));
            var columns = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.CanWrite && IsColumn(property.PropertyType))
                {
                    var field = property.GetCustomAttribute<ReadByFieldAttribute>()?.FieldName
                        ?? (sourced && property.Name == nameof(ISourced.Section) ? "source" : property.Name);
                    columns[field] = property;
                }
            }

            return columns;
        }
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
