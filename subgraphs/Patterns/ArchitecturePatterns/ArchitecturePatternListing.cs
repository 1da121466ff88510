using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>How clients filter, sort and page the architecture patterns.</summary>
public sealed class ArchitecturePatternListing : EntityListing<PatternsDb, ArchitecturePattern>
{
    public ArchitecturePatternListing()
        : base("ArchitecturePattern", db => db.Patterns)
    {
        Text("slug", pattern => pattern.Slug);
        Text("name", pattern => pattern.Name);
        Choice("category", pattern => pattern.Category);
        Text("summary", pattern => pattern.Summary);
        Text("section", pattern => pattern.Section);
        DefaultOrder(pattern => pattern.Name);
    }
}
