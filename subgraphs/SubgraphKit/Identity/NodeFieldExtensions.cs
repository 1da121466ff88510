using GraphQL;
using GraphQL.Types;
using SubgraphKit.Entities;
using SubgraphKit.Limits;

namespace SubgraphKit.Identity;

/// <summary><c>Query.node</c> and <c>Query.nodes</c>, for the subgraph that declares <see cref="NodeInterface"/>.</summary>
public static class NodeFieldExtensions
{
    /// <summary>The most ids one <c>nodes</c> call takes, so one request cannot ask for unbounded work.</summary>
    public const int MaxIds = 100;

    /// <summary>
    /// The metadata key under which <see cref="EntityGraphTypeExtensions.OwnedEntity{TEntity, TLoader}"/>
    /// leaves its batch load, so that a node of a type this subgraph owns is loaded here.
    /// </summary>
    internal const string LoaderMetadataKey = "SubgraphKit.NodeLoader";

    public static void NodeFields(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any entity by its global id; null for an id that is malformed, of an unknown type, or of no record.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => context.Node(context.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Entities by their global ids, in the order given, with null for each id that node(id:) would not find. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .AssumedListSize(MaxIds)
            .Resolve(context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"nodes takes at most {MaxIds} ids; {ids.Count} were given.") { Code = "BAD_USER_INPUT" };
                }

                return ids.Select(context.Node).ToList();
            });
    }

    /// <summary>
    /// The node an id stands for: a batch-loaded row for a type this subgraph owns, a key-only
    /// <see cref="EntityReference"/> for another subgraph's type (the gateway fetches its fields from the
    /// owner, whose <c>_entities</c> gives null for a slug it does not have), or null when the id does not
    /// decode to a type that implements Node.
    /// </summary>
    public static object? Node(this IResolveFieldContext context, string? id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var slug)
            || context.Schema.AllTypes[typeName] is not IObjectGraphType type
            || !type.ResolvedInterfaces.Any(implemented => implemented.Name == NodeInterface.TypeName))
        {
            return null;
        }

        return type.GetMetadata<Func<IResolveFieldContext, string, object>>(LoaderMetadataKey) is { } load
            ? load(context, slug)
            : new EntityReference { Id = id!, TypeName = typeName };
    }
}
