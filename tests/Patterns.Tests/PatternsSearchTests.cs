namespace Patterns.Tests;

public sealed class PatternsSearchTests(SubgraphFactory<Program> factory) : SubgraphSearchTests<Program>(factory)
{
    protected override string HitsField => "patternHits";

    protected override (string Query, string TypeName, string Slug) NameMatch => ("contract testing", "Practice", "contract-testing");

    protected override (string Query, string TypeName, string Slug) PrefixMatch => ("microserv", "ArchitecturePattern", "microservices");
}
