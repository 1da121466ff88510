using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace SubgraphKit.Limits;

/// <summary>
/// Refuses a document with a literal value (an argument, a directive's argument, a variable's default)
/// nested deeper than <see cref="RequestLimits.MaxInputDepth"/>, before GraphQL.NET coerces it: the same
/// limit as a variable's JSON (<see cref="JsonInputDepth"/>), so a filter is refused alike however it is sent.
/// </summary>
public sealed class LiteralInputDepth : ASTVisitor<LiteralInputDepth.Context>
{
    private static readonly LiteralInputDepth Visitor = new();

    private LiteralInputDepth()
    {
    }

    /// <summary>Throws a <see cref="RequestLimitError"/> at the first value deeper than <paramref name="max"/>.</summary>
    public static void Check(GraphQLDocument document, int max) =>
        // Nothing here awaits I/O: the walk has finished, or thrown, when VisitAsync returns.
        Visitor.VisitAsync(document, new Context(max)).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask VisitListValueAsync(GraphQLListValue listValue, Context context)
    {
        context.Enter();
        await base.VisitListValueAsync(listValue, context).ConfigureAwait(false);
        context.Depth--;
    }

    protected override async ValueTask VisitObjectValueAsync(GraphQLObjectValue objectValue, Context context)
    {
        context.Enter();
        await base.VisitObjectValueAsync(objectValue, context).ConfigureAwait(false);
        context.Depth--;
    }

    public sealed class Context(int max) : IASTVisitorContext
    {
        public int Depth { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;

        public void Enter()
        {
            if (++Depth > max)
            {
                throw new RequestLimitError(RequestLimitError.MaxInputDepthCode,
                    $"A value in the document nests lists and input objects more than {max} levels deep, the limit of this endpoint.");
            }
        }
    }
}
