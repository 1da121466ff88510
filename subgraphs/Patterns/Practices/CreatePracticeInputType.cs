using GraphQL.Types;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.Practices;

public sealed class CreatePracticeInputType : InputObjectGraphType<CreatePracticeInput>
{
    public CreatePracticeInputType()
    {
        Name = "CreatePracticeInput";
        Field(input => input.Slug).Description("The new practice's slug: lower-case words joined by hyphens.");
        Field(input => input.Name);
        Field(input => input.Category, type: typeof(NonNullGraphType<PracticeCategoryType>));
        Field(input => input.Summary);
        Field(input => input.Patterns, nullable: true).Description("Slugs of existing architecture patterns it carries out.");
        Field(input => input.Section).Description("The article section the practice comes from, its heading exactly as printed.");
    }
}

public sealed record CreatePracticeInput(string Slug, string Name, PracticeCategory Category, string Summary, List<string>? Patterns, string Section);
