namespace SubgraphKit.Search;

/// <summary>One match of a search: the entity's global id and its relevance in its subgraph (−bm25; higher is better).</summary>
public sealed record SearchHit(string Id, double Score);
