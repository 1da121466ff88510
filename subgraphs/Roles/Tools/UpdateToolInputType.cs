using GraphQL.Types;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace RolesSubgraph.Tools;

/// <summary>Which tool, at which version, and the fields to change; a field left out keeps its value.</summary>
public sealed class UpdateToolInputType : InputObjectGraphType<UpdateToolInput>
{
    public UpdateToolInputType()
    {
        Name = "UpdateToolInput";
        Field(input => input.Slug);
        Field(input => input.Version).Description("The version the client last read.");
        Field(input => input.Name, nullable: true);
        Field(input => input.Category, type: typeof(ToolCategoryType));
        Field(input => input.Description, nullable: true);
        Field(input => input.Roles, nullable: true);
        Field(input => input.Section, nullable: true);
    }
}

public sealed record UpdateToolInput(string Slug, int Version, string? Name, ToolCategory? Category, string? Description, List<string>? Roles, string? Section) : IRecordAtVersion;
