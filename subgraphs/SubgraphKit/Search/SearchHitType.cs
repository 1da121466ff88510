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
            .Description("Relevance within this subgraph: −bm25, names weighing 10 to 1 over texts; higher is better. Not comparable across subgraphs.")
            .Resolve(context => context.Source.Score)
            .Shareable();
    }
}
