using GraphQL.Types;
using PatternsSubgraph.ArchitecturePatterns;
using PatternsSubgraph.Practices;
using SubgraphKit.Curation;

namespace PatternsSubgraph;

/// <summary>Curation of patterns and practices: every field needs a bearer token with the write scope.</summary>
public sealed class PatternsMutation : ObjectGraphType
{
    public PatternsMutation()
    {
        Name = "Mutation";
        this.CurationFields<ArchitecturePatternType, CreateArchitecturePatternInputType, UpdateArchitecturePatternInputType, ArchitecturePatternCuration>();
        this.CurationFields<PracticeType, CreatePracticeInputType, UpdatePracticeInputType, PracticeCuration>();
    }
}
