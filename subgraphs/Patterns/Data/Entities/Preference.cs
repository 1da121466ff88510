namespace PatternsSubgraph.Data.Entities;

public enum Preference
{
    /// <summary>The article says the role prefers, advocates or prioritizes the pattern.</summary>
    Favours,

    /// <summary>The role builds with the pattern, but it is not the role's emphasis.</summary>
    WorksWith,

    /// <summary>The article contrasts the role against the pattern.</summary>
    LessSuited,
}
