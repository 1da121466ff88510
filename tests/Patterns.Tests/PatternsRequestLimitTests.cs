namespace Patterns.Tests;

public sealed class PatternsRequestLimitTests(SubgraphFactory<Program> factory) : RequestLimitTests<Program>(factory)
{
    protected override ListCycle Lists => PatternsSeed.Lists;
}
