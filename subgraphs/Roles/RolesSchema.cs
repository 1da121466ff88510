using GraphQL.Types;
using RolesSubgraph.Search;

namespace RolesSubgraph;

/// <summary>The roles subgraph: the two roles, the comparison table and the tools. It owns Role, ComparisonAspect and Tool.</summary>
public sealed class RolesSchema : Schema
{
    public RolesSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<RolesQuery>();
        Mutation = services.GetRequiredService<RolesMutation>();

        // Search is reached only through the glossary's Query.search; this subgraph adds roleHits.
        RegisterType(typeof(SearchType));
    }
}
