namespace Glossary.Tests;

public sealed class GlossaryFuzzTests(SubgraphFactory<Program> factory, Xunit.Abstractions.ITestOutputHelper output) : FuzzTests<Program>(factory, output)
{
    protected override ListCycle Lists => GlossarySeed.Lists;
}
