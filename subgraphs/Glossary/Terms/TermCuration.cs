using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Curation;

namespace GlossarySubgraph.Terms;

/// <summary>How curators add, change and remove terms.</summary>
public sealed class TermCuration : EntityCuration<GlossaryDb, Term, CreateTermInput, UpdateTermInput>
{
    public override string TypeName => "Term";

    protected override async Task<Term> NewAsync(CreateTermInput input, GlossaryDb db, CancellationToken cancellationToken) => new()
    {
        Slug = InputRules.Slug("slug", input.Slug),
        Name = InputRules.Text("name", input.Name, InputRules.MaxNameLength),
        Kind = input.Kind,
        Definition = InputRules.Text("definition", input.Definition),
        Abbreviations = InputRules.Texts("abbreviations", input.Abbreviations),
        RelatedTerms = await ExistingAsync<Term>(db, "relatedTerms", input.RelatedTerms, cancellationToken),
        Section = InputRules.Section("section", input.Section),
    };

    protected override async Task ChangeAsync(UpdateTermInput input, Term term, GlossaryDb db, CancellationToken cancellationToken)
    {
        term.Name = input.Name is null ? term.Name : InputRules.Text("name", input.Name, InputRules.MaxNameLength);
        term.Kind = input.Kind ?? term.Kind;
        term.Definition = input.Definition is null ? term.Definition : InputRules.Text("definition", input.Definition);
        term.Abbreviations = input.Abbreviations is null ? term.Abbreviations : InputRules.Texts("abbreviations", input.Abbreviations);
        term.RelatedTerms = input.RelatedTerms is null ? term.RelatedTerms : await ExistingAsync<Term>(db, "relatedTerms", input.RelatedTerms, cancellationToken);
        term.Section = input.Section is null ? term.Section : InputRules.Section("section", input.Section);
    }

    // Other terms' links must go first; the term's own perspectives go with it.
    protected override async Task BeforeDeleteAsync(Term term, GlossaryDb db, CancellationToken cancellationToken)
    {
        RefuseIfLinked(term, await db.Terms.Where(other => other.RelatedTerms.Contains(term.Slug)).Select(other => other.Slug).ToListAsync(cancellationToken));
        db.Perspectives.RemoveRange(await db.Perspectives.Where(perspective => perspective.Term == term.Slug).ToListAsync(cancellationToken));
    }
}
