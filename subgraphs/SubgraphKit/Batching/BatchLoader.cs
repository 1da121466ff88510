using GraphQL.DataLoader;
using SubgraphKit.Telemetry;

namespace SubgraphKit.Batching;

/// <summary>
/// A per-request batch loader: every key asked for while GraphQL.NET resolves one level of the
/// tree is fetched with one query when the first result is awaited. GraphQL.DataLoader is not
/// installable here; this relies only on <see cref="IDataLoaderResult{T}"/> from the core package,
/// which the execution strategy awaits after it has collected all the fields of a level.
/// Register subclasses as scoped services, so a batch never outlives its request.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private Batch? _open;

    /// <summary>
    /// Queues a key in the open batch and returns a result that dispatches the batch when awaited.
    /// Protected: each kind of loader offers its own <c>Load</c>, as entity loaders also need the field
    /// the load is for (<see cref="Entities.SelectedColumns{TEntity}"/>).
    /// </summary>
    protected IDataLoaderResult<TValue> Enqueue(TKey key)
    {
        lock (_gate)
        {
            _open ??= new Batch(this);
            _open.Keys.Add(key);
            return new PendingResult(_open, key);
        }
    }

    /// <summary>Fetches every key of one batch. Keys with no entry get <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value for a key that the fetch did not return: null for entities, empty for lists.</summary>
    protected virtual TValue Missing(TKey key) => default!;

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Fetch is null)
            {
                // Close the batch first: keys queued from now on belong to the next level's batch.
                if (ReferenceEquals(_open, batch))
                {
                    _open = null;
                }

                batch.Fetch = BatchLoaderSpans.IsTraced ? FetchTracedAsync(batch.Keys, cancellationToken) : FetchAsync(batch.Keys, cancellationToken);
            }

            return batch.Fetch;
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TValue>> FetchTracedAsync(HashSet<TKey> keys, CancellationToken cancellationToken)
    {
        using var span = BatchLoaderSpans.Start(GetType(), keys.Count);
        return await FetchAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch { get; set; }

        public BatchLoader<TKey, TValue> Owner { get; } = owner;
    }

    private sealed class PendingResult(Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.Owner.Dispatch(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : batch.Owner.Missing(key);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A batch loader for one-to-many links: a key without rows gets an empty list, never null.</summary>
public abstract class GroupedBatchLoader<TKey, TItem> : BatchLoader<TKey, IReadOnlyList<TItem>>
    where TKey : notnull
{
    protected sealed override IReadOnlyList<TItem> Missing(TKey key) => [];

    protected sealed override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TItem>>> FetchAsync(
        IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken)
    {
        var rows = await FetchGroupsAsync(keys, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(row => row.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<TItem>)[.. g.Select(row => row.Item)]);
    }

    /// <summary>Fetches (key, item) pairs for all keys of a batch, in the order the items should be listed.</summary>
    protected abstract Task<IEnumerable<(TKey Key, TItem Item)>> FetchGroupsAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);
}
