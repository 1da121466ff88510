using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace SubgraphKit.Execution;

/// <summary>
/// A bounded cache of parsed and validated documents, in the place of GraphQL.MemoryCache's
/// MemoryDocumentCache, which is not installable here. A gateway sends the same few documents over and
/// over (its query plan's fetches), so parsing and validating each one once is most of a subgraph's
/// per-request work saved. A cached document is validated only by
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/>, as GraphQL.MemoryCache does, so a rule
/// that depends on the request rather than the document (queries-only over GET, the complexity of
/// variables) must be set there too.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>Longer documents are parsed every time: they are rare, and would crowd the cache out.</summary>
    public const int MaxCachedQueryLength = 16 * 1024;

    /// <summary>The cache's budget, in characters of query text: a few hundred documents, a few MB of syntax trees.</summary>
    public const int SizeLimit = 512 * 1024;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: > 0 and <= MaxCachedQueryLength } query)
        {
            return await next(options);
        }

        // Validation covers the operation that runs, so the operation name is part of the key.
        var key = (query, options.OperationName);
        if (_documents.TryGetValue(key, out GraphQLDocument? document))
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        if (result is { Executed: true, Document: { } validated })
        {
            _documents.Set(key, validated, new MemoryCacheEntryOptions { Size = query.Length });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();
}
