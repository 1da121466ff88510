namespace SubgraphKit.Search;

/// <summary>One match of a search: the entity's global id and its relevance, 0 to 1 (1 for the subgraph's best).</summary>
public sealed record SearchHit(string Id, double Score);
