namespace Patterns.Tests;

public sealed class PatternsProductionModeTests(SubgraphFactory<Program> factory) : ProductionModeTests<Program>(factory)
{
    protected override ListCycle Lists => PatternsSeed.Lists;
}

public sealed class PatternsDevelopmentModeTests(DevelopmentSubgraphFactory<Program> factory) : DevelopmentModeTests<Program>(factory)
{
    protected override ListCycle Lists => PatternsSeed.Lists;
}
