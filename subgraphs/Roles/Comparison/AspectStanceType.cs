using GraphQL.Types;
using SubgraphKit.Curation;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Roles;
using SubgraphKit.Data;

namespace RolesSubgraph.Comparison;

public sealed class AspectStanceType : ObjectGraphType<AspectStance>
{
    public AspectStanceType()
    {
        Description = "A cell of the comparison table: a role's stance on an aspect.";
        Field<NonNullGraphType<RoleType>>("role")
            .Description("The role whose stance this is.")
            .Resolve(context => context.Service<RoleBySlugLoader>().Load(context.Source.RoleSlug, context));
        Field(stance => stance.Text).Description("The stance, exactly as the table words it.");
        this.VersionField();
    }
}
