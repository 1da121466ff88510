using GlossarySubgraph.Data.Entities;
using GraphQL.Types;

namespace GlossarySubgraph.Terms;

public sealed class CreateTermInputType : InputObjectGraphType<CreateTermInput>
{
    public CreateTermInputType()
    {
        Name = "CreateTermInput";
        Field(input => input.Slug).Description("The new term's slug: lower-case words joined by hyphens.");
        Field(input => input.Name).Description("The term, as the article writes it; unique.");
        Field(input => input.Kind, type: typeof(NonNullGraphType<TermKindType>));
        Field(input => input.Definition);
        Field(input => input.Abbreviations, nullable: true);
        Field(input => input.RelatedTerms, nullable: true).Description("Slugs of existing terms.");
        Field(input => input.Section).Description("The article section the term comes from, its heading exactly as printed.");
    }
}

public sealed record CreateTermInput(
    string Slug,
    string Name,
    TermKind Kind,
    string Definition,
    List<string>? Abbreviations,
    List<string>? RelatedTerms,
    string Section);
