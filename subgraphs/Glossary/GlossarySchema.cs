using GlossarySubgraph.References;
using GraphQL.Types;

namespace GlossarySubgraph;

/// <summary>
/// The glossary subgraph: the terms and both roles' perspectives on them. It owns Term, and adds
/// fields to Role and ArchitecturePattern.
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
    }
}
