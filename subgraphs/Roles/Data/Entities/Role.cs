using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Data.Entities;

/// <summary>One of the article's two roles: the backend developer and the API-first developer.</summary>
public sealed class Role : ISlugged, ISourced
{
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string Summary { get; set; }
    public required string Focus { get; set; }
    public List<string> Responsibilities { get; set; } = [];
    public List<string> Advantages { get; set; } = [];
    public List<string> Challenges { get; set; } = [];
    public required string CareerOutlook { get; set; }
    public required string Section { get; set; }
}
