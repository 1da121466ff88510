using GraphQL.Types;
using SubgraphKit.Search;

namespace RolesSubgraph.Search;

public sealed class SearchType : ObjectGraphType<SearchRequest>
{
    public SearchType() => this.SearchEntity<RolesSearchIndex>("roleHits", "The roles, comparison aspects and tools that match, best first.");
}
