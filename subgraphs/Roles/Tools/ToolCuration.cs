using RolesSubgraph.Data;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace RolesSubgraph.Tools;

/// <summary>How curators add, change and remove tools. Practices (patterns subgraph) that name a removed tool resolve it to null.</summary>
public sealed class ToolCuration : EntityCuration<RolesDb, Tool, CreateToolInput, UpdateToolInput>
{
    public override string TypeName => "Tool";

    protected override async Task<Tool> NewAsync(CreateToolInput input, RolesDb db, CancellationToken cancellationToken) => new()
    {
        Slug = InputRules.Slug("slug", input.Slug),
        Name = InputRules.Text("name", input.Name, InputRules.MaxNameLength),
        Category = input.Category,
        Description = InputRules.Text("description", input.Description),
        RoleSlugs = await ExistingAsync<Role>(db, "roles", input.Roles, cancellationToken),
        Section = InputRules.Section("section", input.Section),
    };

    protected override async Task ChangeAsync(UpdateToolInput input, Tool tool, RolesDb db, CancellationToken cancellationToken)
    {
        tool.Name = input.Name is null ? tool.Name : InputRules.Text("name", input.Name, InputRules.MaxNameLength);
        tool.Category = input.Category ?? tool.Category;
        tool.Description = input.Description is null ? tool.Description : InputRules.Text("description", input.Description);
        tool.RoleSlugs = input.Roles is null ? tool.RoleSlugs : await ExistingAsync<Role>(db, "roles", input.Roles, cancellationToken);
        tool.Section = input.Section is null ? tool.Section : InputRules.Section("section", input.Section);
    }
}
