using SubgraphKit.Curation;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace PatternsSubgraph.Data.Entities;

/// <summary>An architecture the article discusses, such as microservices or backend for frontend.</summary>
public sealed class ArchitecturePattern : ISlugged, ISourced, IVersioned
{
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public PatternCategory Category { get; set; }
    public required string Summary { get; set; }
    public List<string> Benefits { get; set; } = [];
    public List<string> TradeOffs { get; set; } = [];

    /// <summary>Slugs of glossary terms (owned by the glossary subgraph) the pattern relies on.</summary>
    public List<string> RelatedTerms { get; set; } = [];
    public required string Section { get; set; }
    public int Version { get; set; } = 1;
}
