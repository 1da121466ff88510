using GraphQL.Federation;
using GraphQL.Types;

namespace SubgraphKit.Provenance;

/// <summary>
/// A value type that all three subgraphs define identically, so it is @shareable:
/// composition then merges the three definitions into one supergraph type.
/// </summary>
public sealed class ArticleSectionType : ObjectGraphType<ArticleSection>
{
    public ArticleSectionType()
    {
        Name = "ArticleSection";
        Description = "A section of the article \"Backend Developer vs API-First Developer\", the source of a record.";
        this.Shareable();
        Field(x => x.Heading).Description("The section's heading, as the article prints it.");
        Field(x => x.Anchor).Description("The heading as a URL fragment.");
    }
}
