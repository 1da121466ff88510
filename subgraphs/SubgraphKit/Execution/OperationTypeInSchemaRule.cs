using GraphQL.Validation;
using GraphQLParser.AST;

namespace SubgraphKit.Execution;

/// <summary>
/// Refuses an operation whose type the schema has no root for, such as a subscription here: GraphQL.NET's
/// own rules let it through, and its complexity analyzer then threw, which clients saw as an unexpected error.
/// </summary>
public sealed class OperationTypeInSchemaRule : ValidationRuleBase
{
    public const string Code = "OPERATION_TYPE_NOT_SUPPORTED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        var root = operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            _ => context.Schema.Subscription,
        };
        if (root is null)
        {
            var type = operation.Operation.ToString().ToLowerInvariant();
            context.ReportError(new ValidationError($"This endpoint's schema has no {type} type, so it cannot run a {type} operation.") { Code = Code });
        }

        return default;
    }
}
