using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using SubgraphKit.Batching;

namespace SubgraphKit.Entities;

/// <summary>
/// A batch loader of lists of entities by key (the patterns a role favours, the terms that describe a
/// pattern) that reads only the columns the loading fields select: the fetch projects with
/// <see cref="Columns"/>.
/// </summary>
/// <param name="alwaysRead">Columns the fetch itself needs, such as the link it groups by.</param>
public abstract class GroupedEntityLoader<TEntity>(params LambdaExpression[] alwaysRead) : GroupedBatchLoader<string, TEntity>
    where TEntity : class, ISlugged
{
    protected SelectedColumns<TEntity> Columns { get; } = new(alwaysRead);

    /// <summary>The entities of <paramref name="key"/>, for the field of <paramref name="context"/>.</summary>
    public IDataLoaderResult<IReadOnlyList<TEntity>> Load(string key, IResolveFieldContext context)
    {
        Columns.Add(context);
        return Enqueue(key);
    }
}
