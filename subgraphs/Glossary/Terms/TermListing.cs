using GlossarySubgraph.Data;
using GlossarySubgraph.Data.Entities;
using SubgraphKit.Listing;

namespace GlossarySubgraph.Terms;

/// <summary>How clients filter, sort and page the glossary.</summary>
public sealed class TermListing : EntityListing<GlossaryDb, Term>
{
    public TermListing()
        : base("Term", db => db.Terms)
    {
        Text("slug", term => term.Slug);
        Text("name", term => term.Name);
        Choice("kind", term => term.Kind);
        Text("definition", term => term.Definition);
        Text("section", term => term.Section);
        DefaultOrder(term => term.Name);
    }
}
