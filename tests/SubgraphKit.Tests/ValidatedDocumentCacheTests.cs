using GraphQL;
using GraphQLParser.AST;
using GraphQL.Validation;
using SubgraphKit.Execution;
using SubgraphKit.Http;

namespace SubgraphKit.Tests;

/// <summary>The kit's document cache, driven directly: what it reuses, and what it must never reuse.</summary>
public sealed class ValidatedDocumentCacheTests : IDisposable
{
    private const string Query = "{ roles { nodes { name } } }";

    private readonly ValidatedDocumentCache _cache = new();
    private readonly List<GraphQLDocument?> _documentsSeen = [];
    private readonly List<IEnumerable<IValidationRule>?> _rulesSeen = [];

    [Fact]
    public async Task Second_run_of_a_validated_document_reuses_its_syntax_tree()
    {
        var parsed = new GraphQLDocument([]);

        await RunAsync(Query, executed: true, parsed);
        await RunAsync(Query, executed: true, parsed);

        Assert.Equal([null, parsed], _documentsSeen);
    }

    [Fact]
    public async Task Cached_document_is_validated_only_by_the_per_request_rules()
    {
        var perRequest = QueryOnlyOverGetRule.Instance;
        var parsed = new GraphQLDocument([]);

        await RunAsync(Query, executed: true, parsed, cachedRules: [perRequest]);
        await RunAsync(Query, executed: true, parsed, cachedRules: [perRequest]);

        Assert.Equal([null, [perRequest]], _rulesSeen);
    }

    [Fact]
    public async Task Document_that_failed_validation_is_parsed_and_validated_again()
    {
        await RunAsync(Query, executed: false, new GraphQLDocument([]));
        await RunAsync(Query, executed: false, new GraphQLDocument([]));

        Assert.Equal([null, null], _documentsSeen);
    }

    [Fact]
    public async Task Another_operation_name_is_another_entry()
    {
        await RunAsync(Query, executed: true, new GraphQLDocument([]), operationName: "A");
        await RunAsync(Query, executed: true, new GraphQLDocument([]), operationName: "B");

        Assert.Equal([null, null], _documentsSeen);
    }

    [Fact]
    public async Task Oversized_documents_are_never_cached()
    {
        var huge = Query + new string(' ', ValidatedDocumentCache.MaxCachedQueryLength);

        await RunAsync(huge, executed: true, new GraphQLDocument([]));
        await RunAsync(huge, executed: true, new GraphQLDocument([]));

        Assert.Equal([null, null], _documentsSeen);
    }

    public void Dispose() => _cache.Dispose();

    private Task<ExecutionResult> RunAsync(string query, bool executed, GraphQLDocument parsed, string? operationName = null, IValidationRule[]? cachedRules = null) =>
        _cache.ExecuteAsync(new ExecutionOptions { Query = query, OperationName = operationName, CachedDocumentValidationRules = cachedRules }, options =>
        {
            _documentsSeen.Add(options.Document);
            _rulesSeen.Add(options.ValidationRules);
            return Task.FromResult(new ExecutionResult { Executed = executed, Document = parsed });
        });
}
