using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using SubgraphKit.Search;

namespace RolesSubgraph.Search;

public sealed class RolesSearchIndex(IDbContextFactory<RolesDb> contexts) : SearchIndex<RolesDb>(contexts)
{
    protected override IReadOnlyList<SearchSource> Sources { get; } =
    [
        new("Role", "Roles", ["Name"], ["Summary", "Focus", "Responsibilities", "Advantages", "Challenges", "CareerOutlook"]),
        new("ComparisonAspect", "ComparisonAspects", ["Name"],
            ["(SELECT group_concat(Text, ' ') FROM AspectStances WHERE AspectStances.AspectSlug = ComparisonAspects.Slug)"]),
        new("Tool", "Tools", ["Name"], ["Description"]),
    ];
}
