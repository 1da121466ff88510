namespace Roles.Tests;

public sealed class RolesRequestLimitTests(SubgraphFactory<Program> factory) : RequestLimitTests<Program>(factory)
{
    protected override ListCycle Lists => RolesSeed.Lists;
}
