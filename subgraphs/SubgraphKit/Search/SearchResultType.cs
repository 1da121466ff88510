using GraphQL.Types;
using SubgraphKit.Identity;

namespace SubgraphKit.Search;

public sealed class SearchResultType : ObjectGraphType<SearchResult>
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "A search result: the entity, of whichever subgraph, and its relevance.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance from 0 to 1: bm25 (names weigh 10 to 1 over texts) divided by the best score of the subgraph that found it. Results are ordered by it.")
            .Resolve(context => context.Source.Score);
        Field<NodeInterface>("node")
            .Description("The matching entity; null if its subgraph cannot resolve it now.")
            .Resolve(context => context.Node(context.Source.Id));
    }
}
