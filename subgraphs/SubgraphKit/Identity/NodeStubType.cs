using GraphQL;
using GraphQL.Types;
using SubgraphKit.Entities;

namespace SubgraphKit.Identity;

/// <summary>
/// An entity another subgraph owns and this subgraph knows only as a <see cref="NodeInterface"/>
/// implementation: its key, nothing else. Built per type name, so it is registered as an instance
/// (<see cref="NodeSchemaExtensions.NodeStubs"/>), never from DI.
/// </summary>
[DoNotRegister]
public sealed class NodeStubType : ObjectGraphType<EntityReference>
{
    public NodeStubType(string typeName)
    {
        this.ReferencedEntity(typeName, contributesFields: false);
        Interface<NodeInterface>();
    }
}
