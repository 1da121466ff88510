using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using GlossarySubgraph.Terms;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Auth;
using SubgraphKit.Curation;
using SubgraphKit.Data;
using SubgraphKit.Identity;

namespace GlossarySubgraph;

/// <summary>Curation of the glossary: every field needs a bearer token with the write scope.</summary>
public sealed class GlossaryMutation : ObjectGraphType
{
    private const string TypeName = "Term";

    public GlossaryMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<TermType>>("createTerm")
            .Description("Adds a term. Its slug and name must be new, its related terms must exist.")
            .Argument<NonNullGraphType<CreateTermInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireWriteScope();
                var input = context.GetArgument<CreateTermInput>("input");
                await using var db = await context.CreateDbContextAsync<GlossaryDb>();
                var term = new Term
                {
                    Slug = InputRules.Slug("slug", input.Slug),
                    Name = InputRules.Text("name", input.Name, InputRules.MaxNameLength),
                    Kind = input.Kind,
                    Definition = InputRules.Text("definition", input.Definition),
                    Abbreviations = InputRules.Texts("abbreviations", input.Abbreviations),
                    RelatedTerms = await ExistingTermsAsync(db, input.RelatedTerms, context.CancellationToken),
                    Section = InputRules.Section("section", input.Section),
                };
                db.Terms.Add(term);
                await db.SaveCurationAsync(term, TypeName, context.CancellationToken);
                return term;
            });

        Field<NonNullGraphType<TermType>>("updateTerm")
            .Description("Changes the fields sent, if the term is still at the version sent.")
            .Argument<NonNullGraphType<UpdateTermInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireWriteScope();
                var input = context.GetArgument<UpdateTermInput>("input");
                await using var db = await context.CreateDbContextAsync<GlossaryDb>();
                var term = await db.FindAtVersionAsync<Term>(TypeName, input.Slug, input.Version, context.CancellationToken);
                term.Name = input.Name is null ? term.Name : InputRules.Text("name", input.Name, InputRules.MaxNameLength);
                term.Kind = input.Kind ?? term.Kind;
                term.Definition = input.Definition is null ? term.Definition : InputRules.Text("definition", input.Definition);
                term.Abbreviations = input.Abbreviations is null ? term.Abbreviations : InputRules.Texts("abbreviations", input.Abbreviations);
                term.RelatedTerms = input.RelatedTerms is null ? term.RelatedTerms : await ExistingTermsAsync(db, input.RelatedTerms, context.CancellationToken);
                term.Section = input.Section is null ? term.Section : InputRules.Section("section", input.Section);
                await db.SaveCurationAsync(term, TypeName, context.CancellationToken);
                return term;
            });

        Field<NonNullGraphType<IdGraphType>>("deleteTerm")
            .Description("Removes a term and both roles' perspectives on it, if it is still at the version sent and no other term links to it. Returns its id.")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.RequireWriteScope();
                var input = context.GetArgument<DeleteInput>("input");
                await using var db = await context.CreateDbContextAsync<GlossaryDb>();
                var term = await db.FindAtVersionAsync<Term>(TypeName, input.Slug, input.Version, context.CancellationToken);
                var referrers = await db.Terms
                    .Where(other => other.RelatedTerms.Contains(term.Slug))
                    .Select(other => other.Slug)
                    .ToListAsync(context.CancellationToken);
                if (referrers.Count > 0)
                {
                    throw CurationError.StillReferenced(TypeName, term.Slug, referrers);
                }

                db.Perspectives.RemoveRange(db.Perspectives.Where(perspective => perspective.Term == term.Slug));
                db.Terms.Remove(term);
                await db.SaveCurationAsync(term, TypeName, context.CancellationToken);
                return GlobalId.Encode(TypeName, term.Slug);
            });
    }

    private static async Task<List<string>> ExistingTermsAsync(GlossaryDb db, List<string>? slugs, CancellationToken cancellationToken)
    {
        var related = InputRules.Texts("relatedTerms", slugs, InputRules.MaxSlugLength);
        var existing = await db.Terms.Where(term => related.Contains(term.Slug)).Select(term => term.Slug).ToListAsync(cancellationToken);
        InputRules.Exist("relatedTerms", related, existing.ToHashSet(StringComparer.Ordinal));
        return related;
    }
}
