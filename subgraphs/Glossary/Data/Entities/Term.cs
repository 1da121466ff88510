using SubgraphKit.Curation;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace GlossarySubgraph.Data.Entities;

/// <summary>A glossary term: one of the article's ten "Related Important Terms", or a concept it relies on.</summary>
public sealed class Term : ISlugged, ISourced, IVersioned
{
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public List<string> Abbreviations { get; set; } = [];
    public TermKind Kind { get; set; }
    public required string Definition { get; set; }
    public List<string> RelatedTerms { get; set; } = [];

    /// <summary>Slugs of the patterns (owned by the patterns subgraph) this term describes.</summary>
    public List<string> Patterns { get; set; } = [];
    public required string Section { get; set; }
    public int Version { get; set; } = 1;
}
