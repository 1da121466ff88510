using SubgraphKit.Curation;

namespace RolesSubgraph.Data.Entities;

/// <summary>A cell of the comparison table: one role's stance on one aspect, in the article's words.</summary>
public sealed class AspectStance : IVersioned
{
    public required string AspectSlug { get; init; }
    public required string RoleSlug { get; init; }
    public required string Text { get; set; }
    public int Version { get; set; } = 1;
}
