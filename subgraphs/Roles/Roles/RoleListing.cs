using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace RolesSubgraph.Roles;

/// <summary>How clients filter, sort and page the roles.</summary>
public sealed class RoleListing : EntityListing<RolesDb, Role>
{
    public RoleListing()
        : base("Role", db => db.Roles)
    {
        Text("slug", role => role.Slug);
        Text("name", role => role.Name);
        Text("summary", role => role.Summary);
        Text("focus", role => role.Focus);
        Text("section", role => role.Section);
        DefaultOrder(role => role.Name);
    }
}
