using GlossarySubgraph.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Data;

namespace GlossarySubgraph.Data;

/// <summary>Loads terms.json from Data/Seed: each term with its roles' perspectives.</summary>
public sealed class GlossarySeeder : ISubgraphSeeder<GlossaryDb>
{
    public Task<bool> IsSeededAsync(GlossaryDb db, CancellationToken cancellationToken) => db.Terms.AnyAsync(cancellationToken);

    public Task SeedAsync(GlossaryDb db, CancellationToken cancellationToken)
    {
        foreach (var record in SeedFile.Read<TermRecord>("terms.json"))
        {
            db.Terms.Add(record.ToTerm());
            db.Perspectives.AddRange(record.Perspectives.Select(view => new TermPerspective
            {
                Term = record.Slug,
                Role = view.Key,
                Text = view.Value,
                Section = record.Section,
            }));
        }

        return Task.CompletedTask;
    }

    /// <summary>A term as the content file writes it: the perspectives keyed by role slug.</summary>
    private sealed record TermRecord(
        string Slug,
        string Name,
        List<string> Abbreviations,
        TermKind Kind,
        string Definition,
        List<string> RelatedTerms,
        List<string> Patterns,
        Dictionary<string, string> Perspectives,
        string Section)
    {
        public Term ToTerm() => new()
        {
            Slug = Slug,
            Name = Name,
            Abbreviations = Abbreviations,
            Kind = Kind,
            Definition = Definition,
            RelatedTerms = RelatedTerms,
            Patterns = Patterns,
            Section = Section,
        };
    }
}
