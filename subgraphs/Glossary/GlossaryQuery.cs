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
                // SQLite's NOCASE collation folds ASCII only, which is all these names and abbreviations use.
                var name = context.GetArgument<string>("name").Trim();
                return context.QueryFirstAsync<GlossaryDb, Term>(db => db.Terms
                    .Where(term => EF.Functions.Collate(term.Name, "NOCASE") == name
                        || term.Abbreviations.Any(abbreviation => EF.Functions.Collate(abbreviation, "NOCASE") == name))
                    .OrderBy(term => EF.Functions.Collate(term.Name, "NOCASE") == name ? 0 : 1));
            });
    }
}
