using SubgraphKit.Curation;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace PatternsSubgraph.Data.Entities;

/// <summary>An engineering practice the article names, such as contract testing or rate limiting.</summary>
public sealed class Practice : ISlugged, ISourced, IVersioned
{
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public PracticeCategory Category { get; set; }
    public required string Summary { get; set; }

    /// <summary>Slugs of roles (owned by the roles subgraph).</summary>
    public List<string> Roles { get; set; } = [];
    public List<string> Patterns { get; set; } = [];

    /// <summary>Slugs of tools (owned by the roles subgraph).</summary>
    public List<string> Tools { get; set; } = [];

    /// <summary>Slugs of glossary terms (owned by the glossary subgraph).</summary>
    public List<string> RelatedTerms { get; set; } = [];
    public required string Section { get; set; }
    public int Version { get; set; } = 1;
}
