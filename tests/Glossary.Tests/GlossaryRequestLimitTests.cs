namespace Glossary.Tests;

public sealed class GlossaryRequestLimitTests(SubgraphFactory<Program> factory) : RequestLimitTests<Program>(factory)
{
    protected override ListCycle Lists => GlossarySeed.Lists;
}
