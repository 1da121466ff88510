using System.Collections.Concurrent;
using System.Diagnostics;

namespace SubgraphKit.Telemetry;

/// <summary>
/// A span per batch a loader fetches: the resolver spans of a subgraph, kept to where execution waits on I/O
/// (one per batch, not one per field), so a trace shows which loader's SQL a request waited for. Its SQL
/// statements' spans hang under it. Exported with the rest (<see cref="OpenTelemetryExport"/>); with no
/// listener, nothing is made.
/// </summary>
public static class BatchLoaderSpans
{
    public const string SourceName = "SubgraphKit.BatchLoader";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static bool IsTraced => Source.HasListeners();

    /// <summary>Starts the span of one batch of <paramref name="keys"/> keys fetched by <paramref name="loader"/>.</summary>
    public static Activity? Start(Type loader, int keys)
    {
        var name = Names.GetOrAdd(loader, type => type.Name.Split('`')[0]);
        var span = Source.StartActivity("batch " + name);
        span?.SetTag("graphql.dataloader.name", name);
        span?.SetTag("graphql.dataloader.batch.size", keys);
        return span;
    }
}
