using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data;
using SubgraphKit.Search;

namespace RolesSubgraph.Search;

public sealed class RolesSearchIndex(IDbContextFactory<RolesDb> contexts) : SearchIndex<RolesDb>(contexts)
{
    protected override IReadOnlyList<SearchSource<RolesDb>> Sources { get; } =
    [
        Source("Role", db => db.Roles, role => role.Slug, role => [role.Name],
            role => [role.Summary, role.Focus, .. role.Responsibilities, .. role.Advantages, .. role.Challenges, role.CareerOutlook]),
        Source("ComparisonAspect", db => db.ComparisonAspects.Include(aspect => aspect.Stances), aspect => aspect.Slug,
            aspect => [aspect.Name], aspect => aspect.Stances.Select(stance => stance.Text)),
        Source("Tool", db => db.Tools, tool => tool.Slug, tool => [tool.Name], tool => [tool.Description]),
    ];
}
