using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Data.Entities;

/// <summary>A row of the article's comparison table, such as "Testing Strategy".</summary>
public sealed class ComparisonAspect : ISlugged, ISourced
{
    public required string Slug { get; init; }
    public required string Name { get; set; }

    /// <summary>The row's place in the article's table, from 1.</summary>
    public int Position { get; set; }
    public required string Section { get; set; }
    public List<AspectStance> Stances { get; set; } = [];
}
