using GlossarySubgraph.Data.Entities;
using GlossarySubgraph.References;
using GraphQL.Types;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace GlossarySubgraph.Terms;

public sealed class TermPerspectiveType : ObjectGraphType<TermPerspective>
{
    public TermPerspectiveType()
    {
        Name = "TermPerspective";
        Description = "How one role sees a term, in the article's words.";
        Field<RoleReferenceType>("role")
            .Description("The role. Null while the roles subgraph is unavailable.")
            .Resolve(context => EntityReference.For(RoleReferenceType.TypeName, context.Source.Role));
        Field<NonNullGraphType<TermType>>("term")
            .Resolve(context => context.Service<TermBySlugLoader>().Load(context.Source.Term, context));
        Field(perspective => perspective.Text).Description("The article's words.");
        this.SourceField();
    }
}
