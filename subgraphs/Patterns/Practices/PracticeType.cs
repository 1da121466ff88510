using GraphQL.Types;
using PatternsSubgraph.ArchitecturePatterns;
using PatternsSubgraph.Data.Entities;
using PatternsSubgraph.References;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace PatternsSubgraph.Practices;

public sealed class PracticeType : ObjectGraphType<Practice>
{
    public PracticeType()
    {
        Description = "An engineering practice the article names, such as contract testing, rate limiting or OAuth authentication.";
        this.OwnedEntity<Practice, PracticeBySlugLoader>("Practice");
        Field(practice => practice.Name).Description("The practice's name.");
        Field<NonNullGraphType<PracticeCategoryType>>("category").Resolve(context => context.Source.Category);
        Field(practice => practice.Summary).Description("What the article says of the practice.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArchitecturePatternType>>>>("patterns")
            .Description("The patterns this practice goes with.")
            .Resolve(context => context.Source.Patterns.Select(slug => context.Service<PatternBySlugLoader>().Load(slug, context)));

        Field<NonNullGraphType<ListGraphType<RoleReferenceType>>>("roles")
            .Description("The roles the article credits with the practice. Items are null while the roles subgraph is unavailable.")
            .Resolve(context => context.Source.Roles.Select(slug => EntityReference.For(RoleReferenceType.TypeName, slug)));

        Field<NonNullGraphType<ListGraphType<ToolReferenceType>>>("tools")
            .Description("Tools that support the practice. Items are null while the roles subgraph is unavailable.")
            .Resolve(context => context.Source.Tools.Select(slug => EntityReference.For(ToolReferenceType.TypeName, slug)));

        Field<NonNullGraphType<ListGraphType<TermReferenceType>>>("relatedTerms")
            .Description("Glossary terms behind the practice. Items are null while the glossary subgraph is unavailable.")
            .Resolve(context => context.Source.RelatedTerms.Select(slug => EntityReference.For(TermReferenceType.TypeName, slug)));

        this.SourceField();
        this.VersionField();
    }
}
