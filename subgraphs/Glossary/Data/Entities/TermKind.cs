namespace GlossarySubgraph.Data.Entities;

public enum TermKind
{
    /// <summary>One of the ten terms under the article's "Related Important Terms" heading.</summary>
    RelatedImportantTerm,

    /// <summary>A concept the article relies on without a section of its own, such as REST or OAuth.</summary>
    Concept,
}
