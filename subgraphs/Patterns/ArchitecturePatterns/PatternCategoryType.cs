using GraphQL.Types;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class PatternCategoryType : EnumerationGraphType<PatternCategory>
{
    public PatternCategoryType()
    {
        Name = "PatternCategory";
        Description = "What a pattern shapes: the application's structure, how services integrate, the API's design, or deployment.";
    }
}
