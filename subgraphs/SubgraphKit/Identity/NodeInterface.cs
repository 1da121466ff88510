using GraphQL.Federation;
using GraphQL.Types;

namespace SubgraphKit.Identity;

/// <summary>
/// Relay's <c>Node</c>, as a Federation 2.3 entity interface (<c>interface Node @key(fields: "id")</c>).
/// Exactly one subgraph declares it, with every entity type of the supergraph implementing it (stubs
/// for the other subgraphs' types): composition requires the subgraph that declares an entity
/// interface to know all its implementations. The other subgraphs never mention Node; the gateway
/// fetches a node's fields from the type's owner by its key, which is the same id.
/// </summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public const string TypeName = "Node";

    public NodeInterface()
    {
        Name = TypeName;
        Description = "An object with an opaque global id, which Query.node and Query.nodes fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The opaque global id, and the federation key.");
        this.Key("id");
    }
}
