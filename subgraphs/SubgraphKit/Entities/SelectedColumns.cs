using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQLParser.AST;

namespace SubgraphKit.Entities;

/// <summary>
/// The columns of <typeparamref name="TEntity"/> that one request reads through one batch loader: the
/// union over every field that loads through it, so a batch shared by several fields has what each
/// needs. The loader is scoped to the request, and so is this. Without it, an <c>_entities</c> call for
/// <c>{ id name }</c> read every text and JSON column of a hundred rows.
/// </summary>
public sealed class SelectedColumns<TEntity>
    where TEntity : class, ISlugged
{
    private readonly Lock _gate = new();
    private readonly HashSet<PropertyInfo> _properties;
    private readonly HashSet<GraphQLField> _seenFields = new(ReferenceEqualityComparer.Instance);
    private Expression<Func<TEntity, TEntity>>? _projection;

    /// <param name="alwaysRead">Columns the loader itself needs, such as the link it groups by.</param>
    public SelectedColumns(params LambdaExpression[] alwaysRead)
    {
        _properties = [Projection.SlugOf<TEntity>()];
        foreach (var column in alwaysRead)
        {
            _properties.Add(column.Body is MemberExpression { Member: PropertyInfo property }
                ? property
                : throw new ArgumentException($"A column read by a loader must be a property of {typeof(TEntity).Name}.", nameof(alwaysRead)));
        }
    }

    /// <summary>Adds the columns that the fields selected below <paramref name="context"/>'s field read (through fragments).</summary>
    public void Add(IResolveFieldContext context)
    {
        lock (_gate)
        {
            // A hundred representations resolve under the same _entities field: walk its selection once.
            if (!_seenFields.Add(context.FieldAst))
            {
                return;
            }
        }

        var properties = Projection.Properties<TEntity>(context, Projection.DirectFields);
        lock (_gate)
        {
            if (!_properties.IsSupersetOf(properties))
            {
                _properties.UnionWith(properties);
                _projection = null;
            }
        }
    }

    /// <summary><c>entity =&gt; new TEntity { ... }</c> of the columns added so far.</summary>
    public Expression<Func<TEntity, TEntity>> ToProjection()
    {
        lock (_gate)
        {
            return _projection ??= Projection.Of<TEntity>(_properties);
        }
    }
}
