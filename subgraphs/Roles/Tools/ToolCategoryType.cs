using GraphQL.Types;
using RolesSubgraph.Data.Entities;

namespace RolesSubgraph.Tools;

public sealed class ToolCategoryType : EnumerationGraphType<ToolCategory>
{
    public ToolCategoryType()
    {
        Name = "ToolCategory";
        Description = "What kind of technology a tool is.";
    }
}
