using GraphQL;
using GraphQL.Types;
using PatternsSubgraph.ArchitecturePatterns;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using PatternsSubgraph.Practices;
using SubgraphKit.Data;
using SubgraphKit.Listing;

namespace PatternsSubgraph;

public sealed class PatternsQuery : ObjectGraphType
{
    public PatternsQuery()
    {
        Name = "Query";

        this.ConnectionField<ArchitecturePatternType, ArchitecturePatternListing>("patterns")
            .Description("The architecture patterns the article discusses, by name.");

        Field<ArchitecturePatternType>("pattern")
            .Description("A pattern by its slug, such as backend-for-frontend.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<PatternBySlugLoader>().Load(context.GetArgument<string>("slug"), context));

        this.ConnectionField<PracticeType, PracticeListing>("practices")
            .Description("The engineering practices the article names, by name.");

        Field<PracticeType>("practice")
            .Description("A practice by its slug, such as contract-testing.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<PracticeBySlugLoader>().Load(context.GetArgument<string>("slug"), context));
    }
}
