using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using GlossarySubgraph.Search;
using GlossarySubgraph.Terms;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Data;
using SubgraphKit.Identity;
using SubgraphKit.Listing;
using SubgraphKit.Search;

namespace GlossarySubgraph;

public sealed class GlossaryQuery : ObjectGraphType
{
    public GlossaryQuery()
    {
        Name = "Query";
        this.NodeFields();
        this.SearchField<SearchType>();

        this.ConnectionField<TermType, TermListing>("terms")
            .Description("The glossary, by name unless ordered otherwise: filter with 'where', sort with 'order', page with 'first'/'after' or 'last'/'before'.");

        Field<TermType>("term")
            .Description("A term by its slug, such as backend-for-frontend.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<TermBySlugLoader>().Load(context.GetArgument<string>("slug"), context));

        Field<TermType>("termByName")
            .Description("A term by its name or one of its abbreviations, ignoring case: \"BFF\", \"hateoas\", \"GraphQL Federation\".")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(context =>
            {
                // lower() on both sides, in SQL: it folds ASCII on both engines (SQLite's folds nothing else,
                // PostgreSQL's nothing else under the C collation of every text column), which is all these
                // names and abbreviations use.
                var name = context.GetArgument<string>("name").Trim();
#pragma warning disable CA1862 // EF translates ToLower() to SQL's lower(); string.Equals with a StringComparison has no translation.
                return context.QueryFirstAsync<GlossaryDb, Term>(db => db.Terms
                    .Where(term => term.Name.ToLower() == name.ToLower()
                        || term.Abbreviations.Any(abbreviation => abbreviation.ToLower() == name.ToLower()))
                    .OrderBy(term => term.Name.ToLower() == name.ToLower() ? 0 : 1));
#pragma warning restore CA1862
            });
    }
}
