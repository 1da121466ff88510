using GraphQL;
using GraphQL.Types;
using PatternsSubgraph.ArchitecturePatterns;
using PatternsSubgraph.Data;
using PatternsSubgraph.Data.Entities;
using PatternsSubgraph.Practices;
using SubgraphKit.Data;

namespace PatternsSubgraph;

public sealed class PatternsQuery : ObjectGraphType
{
    public PatternsQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArchitecturePatternType>>>>("patterns")
            .Description("The architecture patterns the article discusses, optionally of one category.")
            .Argument<PatternCategoryType>("category")
            .ResolveAsync(context =>
            {
                var category = context.GetArgument<PatternCategory?>("category");
                return context.QueryAsync<PatternsDb, ArchitecturePattern>(db => db.Patterns
                    .Where(pattern => category == null || pattern.Category == category)
                    .OrderBy(pattern => pattern.Name));
            });

        Field<ArchitecturePatternType>("pattern")
            .Description("A pattern by its slug, such as backend-for-frontend.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<PatternBySlugLoader>().Load(context.GetArgument<string>("slug")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PracticeType>>>>("practices")
            .Description("The engineering practices the article names, optionally of one category.")
            .Argument<PracticeCategoryType>("category")
            .ResolveAsync(context =>
            {
                var category = context.GetArgument<PracticeCategory?>("category");
                return context.QueryAsync<PatternsDb, Practice>(db => db.Practices
                    .Where(practice => category == null || practice.Category == category)
                    .OrderBy(practice => practice.Name));
            });

        Field<PracticeType>("practice")
            .Description("A practice by its slug, such as contract-testing.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<PracticeBySlugLoader>().Load(context.GetArgument<string>("slug")));
    }
}
