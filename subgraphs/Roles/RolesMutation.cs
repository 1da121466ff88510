using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Comparison;
using RolesSubgraph.Data;
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
                var stance = await db.AspectStances.FirstOrDefaultAsync(cell => cell.RoleSlug == input.Role && cell.AspectSlug == input.Aspect, context.CancellationToken)
                    ?? throw CurationError.NotFound("AspectStance", $"{input.Role}/{input.Aspect}");
                var name = $"{input.Role}/{input.Aspect}";
                if (stance.Version != input.Version)
                {
                    throw CurationError.Conflict("AspectStance", name, input.Version, stance.Version);
                }

                // One UPDATE ... WHERE Version = @read: of concurrent edits at one version, one wins.
                var updated = await db.AspectStances
                    .Where(cell => cell.RoleSlug == input.Role && cell.AspectSlug == input.Aspect && cell.Version == input.Version)
                    .ExecuteUpdateAsync(set => set.SetProperty(cell => cell.Text, text).SetProperty(cell => cell.Version, input.Version + 1), context.CancellationToken);
                if (updated == 0)
                {
                    var current = await db.AspectStances.AsNoTracking()
                        .Where(cell => cell.RoleSlug == input.Role && cell.AspectSlug == input.Aspect)
                        .Select(cell => (int?)cell.Version)
                        .FirstOrDefaultAsync(CancellationToken.None);
                    throw CurationError.Conflict("AspectStance", name, input.Version, current);
                }

                await context.RefreshSearchAsync(db);
                stance.Text = text;
                stance.Version = input.Version + 1;
                return stance;
            });
    }
}
