using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using SubgraphKit.Execution;
using SubgraphKit.Http;

namespace SubgraphKit.Tests;

/// <summary>
/// The kit's reuse of validation results, driven directly with a counting validator: what it reuses,
/// and what it must validate again. Roles.Tests' RolesValidationCacheTests drive it through a subgraph.
/// </summary>
public sealed class VariableFreeValidationCacheTests
{
    private readonly CountingValidator _inner = new();

    [Fact]
    public async Task Operation_without_variables_is_validated_once_per_rule_set()
    {
        var cache = new VariableFreeValidationCache(_inner);
        var operation = Parse("{ roles(first: 1) { nodes { name } } }");

        var first = await cache.ValidateAsync(Options(operation, [QueryOnlyOverGetRule.Instance]));
        var second = await cache.ValidateAsync(Options(operation, [QueryOnlyOverGetRule.Instance]));

        Assert.Equal(1, _inner.Calls);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Operation_with_variables_is_validated_every_time()
    {
        var cache = new VariableFreeValidationCache(_inner);
        var operation = Parse("query Roles($first: Int) { roles(first: $first) { nodes { name } } }");

        await cache.ValidateAsync(Options(operation, []));
        await cache.ValidateAsync(Options(operation, []));

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Other_rules_validate_again()
    {
        var cache = new VariableFreeValidationCache(_inner);
        var operation = Parse("{ roles { nodes { name } } }");

        await cache.ValidateAsync(Options(operation, []));
        await cache.ValidateAsync(Options(operation, [QueryOnlyOverGetRule.Instance]));
        await cache.ValidateAsync(Options(operation, null));

        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task Failed_validation_is_not_kept()
    {
        _inner.Result = new ValidationResult([new ValidationError("no")]);
        var cache = new VariableFreeValidationCache(_inner);
        var operation = Parse("{ roles { nodes { name } } }");

        await cache.ValidateAsync(Options(operation, []));
        var second = await cache.ValidateAsync(Options(operation, []));

        Assert.Equal(2, _inner.Calls);
        Assert.False(second.IsValid);
    }

    private static GraphQLOperationDefinition Parse(string query) =>
        Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().Single();

    private static ValidationOptions Options(GraphQLOperationDefinition operation, IValidationRule[]? rules) => new()
    {
        Schema = new Schema(),
        Document = new GraphQLDocument([operation]),
        Operation = operation,
        Rules = rules,
        Variables = Inputs.Empty,
    };

    private sealed class CountingValidator : IDocumentValidator
    {
        public int Calls { get; private set; }

        public IValidationResult Result { get; set; } = new ValidationResult([]);

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Calls++;
            return Task.FromResult(Result);
        }
    }
}
