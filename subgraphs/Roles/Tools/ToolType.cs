using GraphQL.Types;
using RolesSubgraph.Data.Entities;
using RolesSubgraph.Roles;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Tools;

public sealed class ToolType : ObjectGraphType<Tool>
{
    public ToolType()
    {
        Description = "A technology the article names, such as Django or Postman. The patterns subgraph adds the practices it supports.";
        this.OwnedEntity<Tool, ToolBySlugLoader>("Tool");
        Field(tool => tool.Name).Description("The tool's name.");
        Field<NonNullGraphType<ToolCategoryType>>("category").Resolve(context => context.Source.Category);
        Field(tool => tool.Description).Description("What the article says of the tool.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles")
            .Description("The roles that use this tool.")
            .Resolve(context => context.Source.RoleSlugs.Select(slug => context.Service<RoleBySlugLoader>().Load(slug, context)));
        this.SourceField();
        this.VersionField();
    }
}
