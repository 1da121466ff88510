using GraphQL.Types;
using SubgraphKit.Search;

namespace GlossarySubgraph.Search;

/// <summary>The search entry point's subgraph: its own hits, and the merge of all subgraphs' hits.</summary>
public sealed class SearchType : ObjectGraphType<SearchRequest>
{
    public SearchType()
    {
        this.SearchEntity<GlossarySearchIndex>("termHits", "The terms that match, best first.");
        this.SearchResults<GlossarySearchIndex>("roleHits", "patternHits");
    }
}
