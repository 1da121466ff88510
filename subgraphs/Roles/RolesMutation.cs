using GraphQL;
using GraphQL.Types;
using RolesSubgraph.Comparison;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Tools;
using SubgraphKit.Auth;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Search;

namespace RolesSubgraph;

/// <summary>Curation of tools and of the comparison table's wording: every field needs a bearer token with the write scope.</summary>
public sealed class RolesMutation : ObjectGraphType
{
    public RolesMutation()
    {
        Name = "Mutation";
        this.CurationFields<ToolType, CreateToolInputType, UpdateToolInputType, ToolCuration>();

        Field<NonNullGraphType<AspectStanceType>>("updateRoleStance")
            .Description("Rewords a role's stance on one aspect of the comparison table, if it is still at the version sent.")
            .Argument<NonNullGraphType<UpdateRoleStanceInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireWriteScope();
                var input = context.GetArgument<UpdateRoleStanceInput>("input");
                var text = InputRules.Text("text", input.Text, InputRules.MaxNameLength * 4);
                await using var db = await context.CreateDbContextAsync<RolesDb>();
                var name = $"{input.Role}/{input.Aspect}";
                var stance = await db.FindAtVersionAsync<AspectStance>(
                    "AspectStance", name, cell => cell.RoleSlug == input.Role && cell.AspectSlug == input.Aspect, input.Version, context.CancellationToken);
                stance.Text = text;
                await db.SaveCurationAsync(stance, "AspectStance", name, context.CancellationToken);
                await context.RefreshSearchAsync(db);
                return stance;
            });
    }
}
