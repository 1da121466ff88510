namespace Roles.Tests;

public sealed class RolesSearchTests(SubgraphFactory<Program> factory) : SubgraphSearchTests<Program>(factory)
{
    protected override string HitsField => "roleHits";

    protected override (string Query, string TypeName, string Slug) NameMatch => ("Postman", "Tool", "postman");

    protected override (string Query, string TypeName, string Slug) PrefixMatch => ("swagge", "Tool", "swaggerhub");
}
