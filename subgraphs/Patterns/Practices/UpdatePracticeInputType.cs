using GraphQL.Types;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Curation;

namespace PatternsSubgraph.Practices;

/// <summary>Which practice, at which version, and the fields to change; a field left out keeps its value.</summary>
public sealed class UpdatePracticeInputType : InputObjectGraphType<UpdatePracticeInput>
{
    public UpdatePracticeInputType()
    {
        Name = "UpdatePracticeInput";
        Field(input => input.Slug);
        Field(input => input.Version).Description("The version the client last read.");
        Field(input => input.Name, nullable: true);
        Field(input => input.Category, type: typeof(PracticeCategoryType));
        Field(input => input.Summary, nullable: true);
        Field(input => input.Patterns, nullable: true);
        Field(input => input.Section, nullable: true);
    }
}

public sealed record UpdatePracticeInput(
    string Slug, int Version, string? Name, PracticeCategory? Category, string? Summary, List<string>? Patterns, string? Section) : IRecordAtVersion;
