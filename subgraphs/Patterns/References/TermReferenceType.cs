using GraphQL.Types;
using PatternsSubgraph.Practices;
using SubgraphKit.Data;
using SubgraphKit.Entities;

namespace PatternsSubgraph.References;

/// <summary>Term, owned by the glossary subgraph; this subgraph adds the practices that rest on a term.</summary>
public sealed class TermReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "Term";

    public TermReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);

        Field<ListGraphType<NonNullGraphType<PracticeType>>>("practices")
            .Description("The practices that rest on this term.")
            .Resolve(context => context.Service<PracticesByTermLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));
    }
}
