namespace Glossary.Tests;

public sealed class GlossaryProductionModeTests(SubgraphFactory<Program> factory) : ProductionModeTests<Program>(factory)
{
    protected override ListCycle Lists => GlossarySeed.Lists;
}

public sealed class GlossaryDevelopmentModeTests(DevelopmentSubgraphFactory<Program> factory) : DevelopmentModeTests<Program>(factory)
{
    protected override ListCycle Lists => GlossarySeed.Lists;
}
