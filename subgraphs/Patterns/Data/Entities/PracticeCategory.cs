namespace PatternsSubgraph.Data.Entities;

public enum PracticeCategory
{
    Testing,
    Security,
    Performance,
    Lifecycle,
    Documentation,
}
