namespace Patterns.Tests;

public sealed class PatternsFuzzTests(SubgraphFactory<Program> factory, Xunit.Abstractions.ITestOutputHelper output) : FuzzTests<Program>(factory, output)
{
    protected override ListCycle Lists => PatternsSeed.Lists;
}
