using GraphQL.Types;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Tools;

public sealed class CreateToolInputType : InputObjectGraphType<CreateToolInput>
{
    public CreateToolInputType()
    {
        Name = "CreateToolInput";
        Field(input => input.Slug).Description("The new tool's slug: lower-case words joined by hyphens.");
        Field(input => input.Name);
        Field(input => input.Category, type: typeof(NonNullGraphType<ToolCategoryType>));
        Field(input => input.Description);
        Field(input => input.Roles, nullable: true).Description("Slugs of the roles that use it.");
        Field(input => input.Section).Description("The article section the tool comes from, its heading exactly as printed.");
    }
}

public sealed record CreateToolInput(string Slug, string Name, ToolCategory Category, string Description, List<string>? Roles, string Section);
