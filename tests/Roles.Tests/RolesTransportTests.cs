namespace Roles.Tests;

public sealed class RolesTransportTests(SubgraphFactory<Program> factory) : TransportConformanceTests<Program>(factory);
