using System.Net;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using SubgraphKit.Execution;
using SubgraphKit.Http;

namespace Roles.Tests;

/// <summary>
/// The kit's reuse of validation results, driven directly with a counting validator, then through the
/// roles subgraph: what it reuses, and what it must validate again.
/// </summary>
public sealed class VariableFreeValidationCacheTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
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

    /// <summary>Arguments come from the kept result: the same query three times gets the same page each time.</summary>
    [Fact]
    public async Task Repeated_query_with_literal_arguments_gets_the_same_page_each_time()
    {
        var client = factory.CreateClient();
        const string query = """{ roles(first: 1, order: [{ name: DESC }]) { nodes { slug } pageInfo { hasNextPage } } }""";

        var pages = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var response = await client.PostGraphQLAsync(query);
            pages.Add(GraphQLAssert.Data(response).ToJsonString());
        }

        Assert.Equal(Enumerable.Repeat("""{"roles":{"nodes":[{"slug":"backend-developer"}],"pageInfo":{"hasNextPage":true}}}""", 3), pages);
    }

    /// <summary>A mutation's document, cached and validated over POST, is still refused over GET (the rule sets differ).</summary>
    [Fact]
    public async Task Mutation_validated_over_post_is_still_refused_over_get()
    {
        var client = factory.CreateClient();
        const string mutation = "mutation { __typename }";

        var post = await client.PostGraphQLAsync(mutation);
        var postAgain = await client.PostGraphQLAsync(mutation);
        var get = await client.GetGraphQLAsync(mutation);

        Assert.Equal("Mutation", GraphQLAssert.Data(post)["__typename"]?.GetValue<string>());
        Assert.Equal("Mutation", GraphQLAssert.Data(postAgain)["__typename"]?.GetValue<string>());
        GraphQLAssert.Error(get, HttpStatusCode.MethodNotAllowed, "OPERATION_NOT_ALLOWED_OVER_GET", MediaTypes.GraphQLResponse);
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
