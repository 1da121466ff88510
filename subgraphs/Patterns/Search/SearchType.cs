using GraphQL.Types;
using SubgraphKit.Search;

namespace PatternsSubgraph.Search;

public sealed class SearchType : ObjectGraphType<SearchRequest>
{
    public SearchType() => this.SearchEntity<PatternsSearchIndex>("patternHits", "The architecture patterns and practices that match, best first.");
}
