using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Comparison;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Roles;
using RolesSubgraph.Tools;
using SubgraphKit.Data;

namespace RolesSubgraph;

public sealed class RolesQuery : ObjectGraphType
{
    public RolesQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles")
            .Description("Both roles the article compares.")
            .ResolveAsync(context => context.QueryAsync<RolesDb, Role>(db => db.Roles.OrderBy(role => role.Name)));

        Field<RoleType>("role")
            .Description("A role by its slug: backend-developer or api-first-developer.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<RoleBySlugLoader>().Load(context.GetArgument<string>("slug")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonAspectType>>>>("comparisonTable")
            .Description("The article's comparison table: its aspects in order, each with both roles' stances.")
            .ResolveAsync(context => context.QueryAsync<RolesDb, ComparisonAspect>(db => db.ComparisonAspects.OrderBy(aspect => aspect.Position)));

        Field<ComparisonAspectType>("comparisonAspect")
            .Description("One row of the comparison table by its slug, such as testing-strategy.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<ComparisonAspectBySlugLoader>().Load(context.GetArgument<string>("slug")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ToolType>>>>("tools")
            .Description("The technologies the article names, optionally of one category.")
            .Argument<ToolCategoryType>("category")
            .ResolveAsync(context =>
            {
                var category = context.GetArgument<ToolCategory?>("category");
                return context.QueryAsync<RolesDb, Tool>(db => db.Tools
                    .Where(tool => category == null || tool.Category == category)
                    .OrderBy(tool => tool.Name));
            });

        Field<ToolType>("tool")
            .Description("A tool by its slug, such as postman.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<ToolBySlugLoader>().Load(context.GetArgument<string>("slug")));
    }
}
