using GlossarySubgraph.References;
using GraphQL.Types;
using SubgraphKit.Identity;

namespace GlossarySubgraph;

/// <summary>
/// The glossary subgraph: the terms and both roles' perspectives on them. It owns Term, and adds
/// fields to Role and ArchitecturePattern. It declares Node, which every entity of the supergraph
/// implements here, and owns Query.node, Query.nodes and Query.search.
/// </summary>
public sealed class GlossarySchema : Schema
{
    public GlossarySchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<GlossaryQuery>();
        Mutation = services.GetRequiredService<GlossaryMutation>();

        // Entities this subgraph only extends must be registered, or _entities cannot resolve them
        // when no Query field reaches them (STACK-NOTES).
        RegisterType(typeof(RoleReferenceType));
        RegisterType(typeof(ArchitecturePatternReferenceType));

        // The entity interface Node must list every implementation in the supergraph (NodeInterface):
        // the entities this subgraph neither owns nor extends are declared by their key alone, found in
        // the other subgraphs' committed SDL, so a new entity type elsewhere needs no edit here. Last,
        // so that it sees the types registered above.
        this.NodeStubsFromOtherSubgraphs(services);
    }
}
