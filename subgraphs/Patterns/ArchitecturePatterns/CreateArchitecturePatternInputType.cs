using GraphQL.Types;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class CreateArchitecturePatternInputType : InputObjectGraphType<CreateArchitecturePatternInput>
{
    public CreateArchitecturePatternInputType()
    {
        Name = "CreateArchitecturePatternInput";
        Field(input => input.Slug).Description("The new pattern's slug: lower-case words joined by hyphens.");
        Field(input => input.Name);
        Field(input => input.Category, type: typeof(NonNullGraphType<PatternCategoryType>));
        Field(input => input.Summary);
        Field(input => input.Benefits, nullable: true);
        Field(input => input.TradeOffs, nullable: true);
        Field(input => input.Section).Description("The article section the pattern comes from, its heading exactly as printed.");
    }
}

public sealed record CreateArchitecturePatternInput(
    string Slug, string Name, PatternCategory Category, string Summary, List<string>? Benefits, List<string>? TradeOffs, string Section);
