namespace SubgraphKit.Search;

/// <summary>One result of the merged search: an entity of any subgraph, with its score.</summary>
public sealed record SearchResult(string Id, double Score);
