namespace Roles.Tests;

/// <summary>Slugs from the roles subgraph's content files (subgraphs/Roles/Data/Seed).</summary>
public static class RolesSeed
{
    public static readonly string[] Roles = ["backend-developer", "api-first-developer"];

    public static readonly string[] Tools = ["postman", "django", "swagger-openapi", "postgresql", "ides"];

    public static readonly string[] ComparisonAspects = ["testing-strategy", "architecture-focus", "tooling", "challenges"];

    /// <summary>A cycle of list fields, for queries of any depth (RequestLimitTests, ModeTests).</summary>
    public static readonly ListCycle Lists = new("roles", "tools", "roles");
}
