namespace Patterns.Tests;

public sealed class PatternsTransportTests(SubgraphFactory<Program> factory) : TransportConformanceTests<Program>(factory);
