using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Entities;

namespace PatternsSubgraph.Practices;

public sealed class PracticesByRoleLoader(IDbContextFactory<PatternsDb> contexts) : EntitiesByLinkLoader<PatternsDb, Practice>(contexts, Links)
{
    private static readonly Selector<Practice, List<string>> Links = new(practice => practice.Roles);
}
