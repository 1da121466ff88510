using GraphQL.Types;
using PatternsSubgraph.References;
using PatternsSubgraph.Search;

namespace PatternsSubgraph;

/// <summary>
/// The patterns subgraph: architecture patterns, how each role stands on them, and the practices.
/// It owns ArchitecturePattern and Practice, and adds fields to Role, Tool and Term.
/// </summary>
public sealed class PatternsSchema : Schema
{
    public PatternsSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<PatternsQuery>();
        Mutation = services.GetRequiredService<PatternsMutation>();

        // Entities this subgraph only extends must be registered, or _entities cannot resolve them
        // when no Query field reaches them (STACK-NOTES).
        RegisterType(typeof(RoleReferenceType));
        RegisterType(typeof(ToolReferenceType));
        RegisterType(typeof(TermReferenceType));
        RegisterType(typeof(SearchType));
    }
}
