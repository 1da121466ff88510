using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace RolesSubgraph.Tools;

/// <summary>How clients filter, sort and page the tools.</summary>
public sealed class ToolListing : EntityListing<RolesDb, Tool>
{
    public ToolListing()
        : base("Tool", db => db.Tools)
    {
        Text("slug", tool => tool.Slug);
        Text("name", tool => tool.Name);
        Choice("category", tool => tool.Category);
        Text("description", tool => tool.Description);
        Text("section", tool => tool.Section);
        DefaultOrder(tool => tool.Name);
    }
}
