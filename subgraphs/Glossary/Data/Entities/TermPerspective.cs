using SubgraphKit.Provenance;

namespace GlossarySubgraph.Data.Entities;

/// <summary>How one role sees a term, in the article's words.</summary>
public sealed class TermPerspective : ISourced
{
    public required string Term { get; init; }

    /// <summary>The role's slug; roles are owned by the roles subgraph.</summary>
    public required string Role { get; init; }
    public required string Text { get; set; }
    public required string Section { get; set; }
}
