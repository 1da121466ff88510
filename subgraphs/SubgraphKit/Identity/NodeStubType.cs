using GraphQL;
using GraphQL.Types;
using SubgraphKit.Entities;

namespace SubgraphKit.Identity;

/// <summary>
/// An entity another subgraph owns and this subgraph knows only as a <see cref="NodeInterface"/>
/// implementation: its key, nothing else. Built per type name, so it is registered as an instance
/// (<see cref="NodeSchemaExtensions.NodeStubsFromOtherSubgraphs"/>), never from DI.
/// </summary>
[DoNotRegister]
public sealed class NodeStubType : ObjectGraphType<EntityReference>
{
    public NodeStubType(string typeName)
    {
        // Resolvable, though it adds no field: Apollo Federation requires an entity interface's key to be
        // resolvable on every implementation in the subgraph that declares it (Apollo Gateway refuses
        // the supergraph otherwise). Resolving the key gives back the key, which is all this type has.
        this.ReferencedEntity(typeName, contributesFields: true);
        Interface<NodeInterface>();
    }
}
