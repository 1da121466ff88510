using GraphQL.Types;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Data;

namespace RolesSubgraph.Comparison;

/// <summary>A cell of the table seen from a role's column: the aspect it answers, and the text.</summary>
public sealed class RoleAspectStanceType : ObjectGraphType<AspectStance>
{
    public RoleAspectStanceType()
    {
        Name = "RoleAspectStance";
        Description = "A role's stance on one aspect of the comparison table.";
        Field<NonNullGraphType<ComparisonAspectType>>("aspect")
            .Description("The aspect this stance answers.")
            .Resolve(context => context.Service<ComparisonAspectBySlugLoader>().Load(context.Source.AspectSlug, context));
        Field(stance => stance.Text).Description("The stance, exactly as the table words it.");
    }
}
