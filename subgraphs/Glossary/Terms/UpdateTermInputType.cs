using GlossarySubgraph.Data.Entities;
using GraphQL.Types;
using SubgraphKit.Curation;

namespace GlossarySubgraph.Terms;

/// <summary>Which term, at which version, and the fields to change; a field left out keeps its value.</summary>
public sealed class UpdateTermInputType : InputObjectGraphType<UpdateTermInput>
{
    public UpdateTermInputType()
    {
        Name = "UpdateTermInput";
        Field(input => input.Slug);
        Field(input => input.Version).Description("The version the client last read.");
        Field(input => input.Name, nullable: true);
        Field(input => input.Kind, type: typeof(TermKindType));
        Field(input => input.Definition, nullable: true);
        Field(input => input.Abbreviations, nullable: true);
        Field(input => input.RelatedTerms, nullable: true);
        Field(input => input.Section, nullable: true);
    }
}

public sealed record UpdateTermInput(
    string Slug,
    int Version,
    string? Name,
    TermKind? Kind,
    string? Definition,
    List<string>? Abbreviations,
    List<string>? RelatedTerms,
    string? Section) : IRecordAtVersion;
