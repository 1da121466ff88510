namespace RolesSubgraph.Data.Entities;

/// <summary>A cell of the comparison table: one role's stance on one aspect, in the article's words.</summary>
public sealed class AspectStance
{
    public required string AspectSlug { get; init; }
    public required string RoleSlug { get; init; }
    public required string Text { get; set; }
}
