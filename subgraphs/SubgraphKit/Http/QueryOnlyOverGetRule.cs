using GraphQL.Validation;
using GraphQLParser.AST;

namespace SubgraphKit.Http;

/// <summary>
/// GraphQL-over-HTTP: GET must not change state, so a GET request may only run a query operation.
/// The endpoint turns this rule's error into 405 Method Not Allowed.
/// </summary>
public sealed class QueryOnlyOverGetRule : ValidationRuleBase
{
    public static readonly QueryOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new QueryOnlyOverGetError(context.Operation));
        }

        return default;
    }
}

public sealed class QueryOnlyOverGetError : ValidationError
{
    public QueryOnlyOverGetError(GraphQLOperationDefinition operation)
        : this(GraphQLHttpRefusal.OperationNotAllowedOverGet(operation.Operation.ToString().ToLowerInvariant()))
    {
    }

    private QueryOnlyOverGetError(GraphQLHttpRefusal refusal)
        : base(refusal.Message)
    {
        Code = refusal.Code;
    }
}
