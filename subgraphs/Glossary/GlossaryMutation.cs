using GlossarySubgraph.Terms;
using GraphQL.Types;
using SubgraphKit.Curation;

namespace GlossarySubgraph;

/// <summary>Curation of the glossary: every field needs a bearer token with the write scope.</summary>
public sealed class GlossaryMutation : ObjectGraphType
{
    public GlossaryMutation()
    {
        Name = "Mutation";
        this.CurationFields<TermType, CreateTermInputType, UpdateTermInputType, TermCuration>();
    }
}
