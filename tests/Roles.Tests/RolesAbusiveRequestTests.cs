namespace Roles.Tests;

public sealed class RolesAbusiveRequestTests(SubgraphFactory<Program> factory) : AbusiveRequestTests<Program>(factory)
{
    protected override ListCycle Lists => RolesSeed.Lists;
}
