using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace PatternsSubgraph.Practices;

/// <summary>How clients filter, sort and page the practices.</summary>
public sealed class PracticeListing : EntityListing<PatternsDb, Practice>
{
    public PracticeListing()
        : base("Practice", db => db.Practices)
    {
        Text("slug", practice => practice.Slug);
        Text("name", practice => practice.Name);
        Choice("category", practice => practice.Category);
        Text("summary", practice => practice.Summary);
        Text("section", practice => practice.Section);
        DefaultOrder(practice => practice.Name);
    }
}
