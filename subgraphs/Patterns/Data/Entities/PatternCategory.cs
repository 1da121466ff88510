namespace PatternsSubgraph.Data.Entities;

public enum PatternCategory
{
    ApplicationStructure,
    ServiceIntegration,
    ApiDesign,
    Deployment,
}
