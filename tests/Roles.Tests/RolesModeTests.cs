namespace Roles.Tests;

public sealed class RolesProductionModeTests(SubgraphFactory<Program> factory) : ProductionModeTests<Program>(factory)
{
    protected override ListCycle Lists => RolesSeed.Lists;
}

public sealed class RolesDevelopmentModeTests(DevelopmentSubgraphFactory<Program> factory) : DevelopmentModeTests<Program>(factory)
{
    protected override ListCycle Lists => RolesSeed.Lists;
}
