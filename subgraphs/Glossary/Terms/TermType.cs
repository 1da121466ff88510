using GlossarySubgraph.Data.Entities;
using GlossarySubgraph.References;
using GraphQL.Types;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Identity;
using SubgraphKit.Provenance;

namespace GlossarySubgraph.Terms;

public sealed class TermType : ObjectGraphType<Term>
{
    public TermType()
    {
        Description = "A glossary term, explained from both roles' points of view. The patterns subgraph adds the practices that rest on it.";
        this.OwnedEntity<Term, TermBySlugLoader>("Term");
        Interface<NodeInterface>();
        Field(term => term.Name).Description("The term, as the article writes it.");
        Field(term => term.Abbreviations).Description("Its abbreviations, such as BFF or HATEOAS.");
        Field<NonNullGraphType<TermKindType>>("kind").Resolve(context => context.Source.Kind);
        Field(term => term.Definition).Description("What the term means, in the article's words where it gives them.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TermType>>>>("relatedTerms")
            .Description("Terms to read next.")
            .Resolve(context => context.Source.RelatedTerms.Select(slug => context.Service<TermBySlugLoader>().Load(slug, context)));

        Field<NonNullGraphType<ListGraphType<ArchitecturePatternReferenceType>>>("patterns")
            .Description("The architecture patterns this term describes. Items are null while the patterns subgraph is unavailable.")
            .Resolve(context => context.Source.Patterns.Select(slug => EntityReference.For(ArchitecturePatternReferenceType.TypeName, slug)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TermPerspectiveType>>>>("perspectives")
            .Description("The backend developer's and the API-first developer's view of the term, per the article.")
            .Resolve(context => context.Service<PerspectivesByTermLoader>().Load(context.Source.Slug));

        this.SourceField();
        this.VersionField();
    }
}
