using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace RolesSubgraph.Comparison;

/// <summary>How clients filter, sort and page the rows of the comparison table; by default in the article's order.</summary>
public sealed class ComparisonAspectListing : EntityListing<RolesDb, ComparisonAspect>
{
    public ComparisonAspectListing()
        : base("ComparisonAspect", db => db.ComparisonAspects)
    {
        Text("slug", aspect => aspect.Slug);
        Text("name", aspect => aspect.Name);
        Number("position", aspect => aspect.Position);
        DefaultOrder(aspect => aspect.Position);
    }
}
