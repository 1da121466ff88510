using SubgraphKit.Provenance;

namespace PatternsSubgraph.Data.Entities;

/// <summary>How one role relates to one pattern, with the article's rationale.</summary>
public sealed class PatternStance : ISourced
{
    /// <summary>The role's slug; roles are owned by the roles subgraph.</summary>
    public required string Role { get; init; }
    public required string Pattern { get; init; }
    public Preference Stance { get; set; }
    public required string Rationale { get; set; }
    public required string Section { get; set; }
}
