using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Comparison;
using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Roles;
using RolesSubgraph.Tools;
using SubgraphKit.Data;
using SubgraphKit.Listing;

namespace RolesSubgraph;

public sealed class RolesQuery : ObjectGraphType
{
    public RolesQuery()
    {
        Name = "Query";

        this.ConnectionField<RoleType, RoleListing>("roles")
            .Description("Both roles the article compares, by name.");

        Field<RoleType>("role")
            .Description("A role by its slug: backend-developer or api-first-developer.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<RoleBySlugLoader>().Load(context.GetArgument<string>("slug"), context));

        this.ConnectionField<ComparisonAspectType, ComparisonAspectListing>("comparisonTable")
            .Description("The article's comparison table: its aspects in the article's order, each with both roles' stances.");

        Field<ComparisonAspectType>("comparisonAspect")
            .Description("One row of the comparison table by its slug, such as testing-strategy.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<ComparisonAspectBySlugLoader>().Load(context.GetArgument<string>("slug"), context));

        this.ConnectionField<ToolType, ToolListing>("tools")
            .Description("The technologies the article names, by name.");

        Field<ToolType>("tool")
            .Description("A tool by its slug, such as postman.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<ToolBySlugLoader>().Load(context.GetArgument<string>("slug"), context));
    }
}
