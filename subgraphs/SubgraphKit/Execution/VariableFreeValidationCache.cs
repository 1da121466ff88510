using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace SubgraphKit.Execution;

/// <summary>
/// Reuses the validation result of an operation that declares no variables. GraphQL.NET validates a
/// cached document on every request (the cached-document rules, then a walk that parses every field's
/// arguments for execution): 9% of a list request's CPU (perf, bench/README.md). Without variables,
/// both are functions of the document and the rules alone, so a successful result (the parsed argument
/// values, which execution only reads) is kept with the operation node and reused while the document
/// stays cached. The key includes the rules' types, so a GET (which adds the queries-only rule) never
/// reuses a POST's result. A rule that reads the request (user, services) would make this wrong; none
/// of the kit's do.
/// </summary>
public sealed class VariableFreeValidationCache(IDocumentValidator inner) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, ValidatedOperation> _operations = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Operation is not { Variables: null or { Items.Count: 0 } } operation)
        {
            return inner.ValidateAsync(options);
        }

        if (_operations.TryGetValue(operation, out var validated) && SameRules(validated.Rules, options.Rules))
        {
            return validated.Result;
        }

        return ValidateAndKeepAsync(inner.ValidateAsync(options), operation, RuleTypes(options.Rules));
    }

    // Compared in place, so a hit (every request of a cached document) builds no key.
    private static bool SameRules(Type[] kept, IEnumerable<IValidationRule>? rules)
    {
        if (rules is null)
        {
            return kept is [var only] && only == typeof(DocumentValidator);
        }

        var index = 0;
        foreach (var rule in rules)
        {
            if (index == kept.Length || kept[index++] != rule.GetType())
            {
                return false;
            }
        }

        return index == kept.Length;
    }

    private async Task<IValidationResult> ValidateAndKeepAsync(Task<IValidationResult> validation, GraphQLOperationDefinition operation, Type[] rules)
    {
        var result = await validation.ConfigureAwait(false);
        if (result.IsValid)
        {
            _operations.AddOrUpdate(operation, new ValidatedOperation(rules, Task.FromResult(result)));
        }

        return result;
    }

    // No rules means GraphQL.NET's core rules: a key of its own, apart from an empty rule set.
    private static Type[] RuleTypes(IEnumerable<IValidationRule>? rules) =>
        rules is null ? [typeof(DocumentValidator)] : rules.Select(rule => rule.GetType()).ToArray();

    /// <summary>The rules' types, and the result as a finished task, handed out as it is on every hit.</summary>
    private sealed record ValidatedOperation(Type[] Rules, Task<IValidationResult> Result);
}
