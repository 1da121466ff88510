namespace Patterns.Tests;

public sealed class PatternsAbusiveRequestTests(SubgraphFactory<Program> factory) : AbusiveRequestTests<Program>(factory)
{
    protected override ListCycle Lists => PatternsSeed.Lists;
}
