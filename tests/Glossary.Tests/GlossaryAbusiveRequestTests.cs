namespace Glossary.Tests;

public sealed class GlossaryAbusiveRequestTests(SubgraphFactory<Program> factory) : AbusiveRequestTests<Program>(factory)
{
    protected override ListCycle Lists => GlossarySeed.Lists;
}
