using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>How curators add, change and remove architecture patterns.</summary>
public sealed class ArchitecturePatternCuration : EntityCuration<PatternsDb, ArchitecturePattern, CreateArchitecturePatternInput, UpdateArchitecturePatternInput>
{
    public override string TypeName => "ArchitecturePattern";

    protected override Task<ArchitecturePattern> NewAsync(CreateArchitecturePatternInput input, PatternsDb db, CancellationToken cancellationToken) =>
        Task.FromResult(new ArchitecturePattern
        {
            Slug = InputRules.Slug("slug", input.Slug),
            Name = InputRules.Text("name", input.Name, InputRules.MaxNameLength),
            Category = input.Category,
            Summary = InputRules.Text("summary", input.Summary),
            Benefits = InputRules.Texts("benefits", input.Benefits, InputRules.MaxTextLength),
            TradeOffs = InputRules.Texts("tradeOffs", input.TradeOffs, InputRules.MaxTextLength),
            Section = InputRules.Section("section", input.Section),
        });

    protected override Task ChangeAsync(UpdateArchitecturePatternInput input, ArchitecturePattern pattern, PatternsDb db, CancellationToken cancellationToken)
    {
        pattern.Name = input.Name is null ? pattern.Name : InputRules.Text("name", input.Name, InputRules.MaxNameLength);
        pattern.Category = input.Category ?? pattern.Category;
        pattern.Summary = input.Summary is null ? pattern.Summary : InputRules.Text("summary", input.Summary);
        pattern.Benefits = input.Benefits is null ? pattern.Benefits : InputRules.Texts("benefits", input.Benefits, InputRules.MaxTextLength);
        pattern.TradeOffs = input.TradeOffs is null ? pattern.TradeOffs : InputRules.Texts("tradeOffs", input.TradeOffs, InputRules.MaxTextLength);
        pattern.Section = input.Section is null ? pattern.Section : InputRules.Section("section", input.Section);
        return Task.CompletedTask;
    }

    // Practices carried out with the pattern must be unlinked first; the roles' stances on it go with it.
    protected override async Task BeforeDeleteAsync(ArchitecturePattern pattern, PatternsDb db, CancellationToken cancellationToken)
    {
        RefuseIfLinked(pattern, await db.Practices.Where(practice => practice.Patterns.Contains(pattern.Slug)).Select(practice => practice.Slug).ToListAsync(cancellationToken));
        db.Stances.RemoveRange(await db.Stances.Where(stance => stance.Pattern == pattern.Slug).ToListAsync(cancellationToken));
    }
}
