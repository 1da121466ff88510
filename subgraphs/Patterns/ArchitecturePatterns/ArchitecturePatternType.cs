using GraphQL.Types;
using PatternsSubgraph.Data.Entities;
using PatternsSubgraph.Practices;
using PatternsSubgraph.References;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class ArchitecturePatternType : ObjectGraphType<ArchitecturePattern>
{
    public ArchitecturePatternType()
    {
        Description = "An architecture the article discusses, such as microservices or backend for frontend. The glossary subgraph adds the terms that describe it.";
        this.OwnedEntity<ArchitecturePattern, PatternBySlugLoader>("ArchitecturePattern");
        Field(pattern => pattern.Name).Description("The pattern's name.");
        Field<NonNullGraphType<PatternCategoryType>>("category").Resolve(context => context.Source.Category);
        Field(pattern => pattern.Summary).Description("What the pattern is, in the article's words.");
        Field(pattern => pattern.Benefits).Description("What the article says the pattern brings.");
        Field(pattern => pattern.TradeOffs).Description("What the pattern costs, or what the article contrasts it with.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PatternStanceType>>>>("roleStances")
            .Description("How each role relates to this pattern, with the article's rationale.")
            .Resolve(context => context.Service<StancesByPatternLoader>().Load(context.Source.Slug));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PracticeType>>>>("practices")
            .Description("The practices that go with this pattern.")
            .Resolve(context => context.Service<PracticesByPatternLoader>().Load(context.Source.Slug, context));

        Field<NonNullGraphType<ListGraphType<TermReferenceType>>>("relatedTerms")
            .Description("Glossary terms the pattern relies on. Items are null while the glossary subgraph is unavailable.")
            .Resolve(context => context.Source.RelatedTerms.Select(slug => EntityReference.For(TermReferenceType.TypeName, slug)));

        this.SourceField();
        this.VersionField();
    }
}
