using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace SubgraphKit.Limits;

/// <summary>
/// Rejects documents with more aliased fields than <see cref="RequestLimits.MaxAliases"/>: aliases
/// let one small document run the same expensive field hundreds of times.
/// </summary>
public sealed class MaxAliasesRule(IOptions<RequestLimits> limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = limits.Value.MaxAliases;
        var aliases = 0;
        foreach (var definition in context.Document.Definitions)
        {
            aliases += CountAliases(definition);
        }

        if (aliases > max)
        {
            context.ReportError(new RequestLimitError(RequestLimitError.MaxAliasesCode,
                $"The document has {aliases} aliases; the limit of this endpoint is {max}."));
        }

        return default;
    }

    private static int CountAliases(ASTNode node)
    {
        var selections = node switch
        {
            GraphQLOperationDefinition operation => operation.SelectionSet,
            GraphQLFragmentDefinition fragment => fragment.SelectionSet,
            GraphQLField field => field.SelectionSet,
            GraphQLInlineFragment inline => inline.SelectionSet,
            _ => null,
        };
        var count = node is GraphQLField { Alias: not null } ? 1 : 0;
        foreach (var selection in selections?.Selections ?? [])
        {
            count += CountAliases(selection);
        }

        return count;
    }
}
