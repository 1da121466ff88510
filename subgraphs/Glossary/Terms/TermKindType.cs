using GlossarySubgraph.Data.Entities;
using GraphQL.Types;

namespace GlossarySubgraph.Terms;

public sealed class TermKindType : EnumerationGraphType<TermKind>
{
    public TermKindType()
    {
        Name = "TermKind";
        Description = "RELATED_IMPORTANT_TERM: one of the article's ten \"Related Important Terms\". CONCEPT: a concept the article relies on.";
    }
}
