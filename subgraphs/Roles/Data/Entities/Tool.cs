using SubgraphKit.Curation;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Data.Entities;

/// <summary>A technology the article names, such as Django or Postman, and the roles that use it.</summary>
public sealed class Tool : ISlugged, ISourced, IVersioned
{
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public ToolCategory Category { get; set; }
    public required string Description { get; set; }
    [ReadByField("roles")]
    public List<string> RoleSlugs { get; set; } = [];
    public required string Section { get; set; }
    public int Version { get; set; } = 1;
}
