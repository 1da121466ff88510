namespace Glossary.Tests;

public sealed class GlossaryTransportTests(SubgraphFactory<Program> factory) : TransportConformanceTests<Program>(factory);
