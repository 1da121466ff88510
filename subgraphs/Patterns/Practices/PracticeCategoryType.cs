using GraphQL.Types;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Practices;

public sealed class PracticeCategoryType : EnumerationGraphType<PracticeCategory>
{
    public PracticeCategoryType()
    {
        Name = "PracticeCategory";
        Description = "The concern a practice serves.";
    }
}
