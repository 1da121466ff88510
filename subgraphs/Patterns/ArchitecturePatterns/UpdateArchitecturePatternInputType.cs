using GraphQL.Types;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace PatternsSubgraph.ArchitecturePatterns;

/// <summary>Which pattern, at which version, and the fields to change; a field left out keeps its value.</summary>
public sealed class UpdateArchitecturePatternInputType : InputObjectGraphType<UpdateArchitecturePatternInput>
{
    public UpdateArchitecturePatternInputType()
    {
        Name = "UpdateArchitecturePatternInput";
        Field(input => input.Slug);
        Field(input => input.Version).Description("The version the client last read.");
        Field(input => input.Name, nullable: true);
        Field(input => input.Category, type: typeof(PatternCategoryType));
        Field(input => input.Summary, nullable: true);
        Field(input => input.Benefits, nullable: true);
        Field(input => input.TradeOffs, nullable: true);
        Field(input => input.Section, nullable: true);
    }
}

public sealed record UpdateArchitecturePatternInput(
    string Slug, int Version, string? Name, PatternCategory? Category, string? Summary, List<string>? Benefits, List<string>? TradeOffs, string? Section) : IRecordAtVersion;
