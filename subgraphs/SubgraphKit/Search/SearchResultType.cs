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
            .Description("Relevance from 0 to 1, comparable across subgraphs: the mean of the hit's bm25 relative to the best of its own subgraph and relative to the best of all. Results are ordered by it.")
            .Resolve(context => context.Source.Score);
        Field<NodeInterface>("node")
            .Description("The matching entity; null if its subgraph cannot resolve it now.")
            .Resolve(context => context.Node(context.Source.Id));
    }
}
