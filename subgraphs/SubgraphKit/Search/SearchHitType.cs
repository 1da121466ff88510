using GraphQL.Federation;
using GraphQL.Types;

namespace SubgraphKit.Search;

/// <summary>A value type every subgraph defines alike, hence @shareable.</summary>
public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "One subgraph's match, before the merge: an entity's global id and its relevance.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => context.Source.Id).Shareable();
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance from 0 to 1: bm25 (names weigh 10 to 1 over texts) divided by the best score of the same subgraph.")
            .Resolve(context => context.Source.Score)
            .Shareable();
    }
}
