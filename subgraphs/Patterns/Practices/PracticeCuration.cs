using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace PatternsSubgraph.Practices;

/// <summary>
/// How curators add, change and remove practices. Links to roles, tools and terms live in other
/// subgraphs' keys and stay as the content files set them; a new practice starts without them.
/// </summary>
public sealed class PracticeCuration : EntityCuration<PatternsDb, Practice, CreatePracticeInput, UpdatePracticeInput>
{
    public override string TypeName => "Practice";

    protected override async Task<Practice> NewAsync(CreatePracticeInput input, PatternsDb db, CancellationToken cancellationToken) => new()
    {
        Slug = InputRules.Slug("slug", input.Slug),
        Name = InputRules.Text("name", input.Name, InputRules.MaxNameLength),
        Category = input.Category,
        Summary = InputRules.Text("summary", input.Summary),
        Patterns = await ExistingAsync<ArchitecturePattern>(db, "patterns", input.Patterns, cancellationToken),
        Section = InputRules.Section("section", input.Section),
    };

    protected override async Task ChangeAsync(UpdatePracticeInput input, Practice practice, PatternsDb db, CancellationToken cancellationToken)
    {
        practice.Name = input.Name is null ? practice.Name : InputRules.Text("name", input.Name, InputRules.MaxNameLength);
        practice.Category = input.Category ?? practice.Category;
        practice.Summary = input.Summary is null ? practice.Summary : InputRules.Text("summary", input.Summary);
        practice.Patterns = input.Patterns is null ? practice.Patterns : await ExistingAsync<ArchitecturePattern>(db, "patterns", input.Patterns, cancellationToken);
        practice.Section = input.Section is null ? practice.Section : InputRules.Section("section", input.Section);
    }
}
