using GraphQL.Types;
using RolesSubgraph.Comparison;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Tools;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Roles;

public sealed class RoleType : ObjectGraphType<Role>
{
    public RoleType()
    {
        Description = "A developer role the article compares. The patterns and glossary subgraphs add the role's architecture stances and term perspectives.";
        this.OwnedEntity<Role, RoleBySlugLoader>("Role");
        Field(role => role.Name).Description("The role's name, such as \"API-First Developer\".");
        Field(role => role.Summary).Description("What the role prioritizes, in the article's words.");
        Field(role => role.Focus).Description("Where the role's work concentrates.");
        Field(role => role.Responsibilities).Description("The role's core responsibilities.");
        Field(role => role.Advantages).Description("What the article counts in the role's favour.");
        Field(role => role.Challenges).Description("What the article counts against the role.");
        Field(role => role.CareerOutlook).Description("Career growth and demand, per the article.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleAspectStanceType>>>>("comparison")
            .Description("This role's column of the comparison table, in the table's order.")
            .Resolve(context => context.Service<StancesByRoleLoader>().Load(context.Source.Slug));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ToolType>>>>("tools")
            .Description("The tools the article associates with this role.")
            .Resolve(context => context.Service<ToolsByRoleLoader>().Load(context.Source.Slug, context));

        this.SourceField();
    }
}
