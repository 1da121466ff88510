namespace Roles.Tests;

public sealed class RolesFuzzTests(SubgraphFactory<Program> factory, Xunit.Abstractions.ITestOutputHelper output) : FuzzTests<Program>(factory, output)
{
    protected override ListCycle Lists => RolesSeed.Lists;
}
