namespace Patterns.Tests;

/// <summary>Slugs from the patterns subgraph's content files, and keys of the entities it extends.</summary>
public static class PatternsSeed
{
    public static readonly string[] Patterns = ["backend-for-frontend", "monolith", "microservices", "graphql-federation", "contract-first-design"];

    public static readonly string[] Practices = ["contract-testing", "api-testing-with-postman", "rate-limiting", "api-versioning"];

    public static readonly string[] Roles = ["backend-developer", "api-first-developer"];

    public static readonly string[] Tools = ["postman", "django", "swagger-openapi"];

    public static readonly string[] Terms = ["api", "api-contract", "api-versioning", "continuous-integration"];

    /// <summary>A cycle of list fields, for queries of any depth (RequestLimitTests, ModeTests).</summary>
    public static readonly ListCycle Lists = new("patterns", "practices", "patterns");
}
