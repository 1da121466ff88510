namespace Glossary.Tests;

/// <summary>Slugs from the glossary subgraph's content file, and keys of the entities it extends.</summary>
public static class GlossarySeed
{
    public static readonly string[] Terms = ["backend-for-frontend", "hateoas", "graphql-federation", "api", "openapi", "oauth"];

    public static readonly string[] Roles = ["backend-developer", "api-first-developer"];

    public static readonly string[] Patterns = ["backend-for-frontend", "hypermedia-driven-api", "microservices", "monolith"];

    /// <summary>A cycle of list fields, for queries of any depth (RequestLimitTests, ModeTests).</summary>
    public static readonly ListCycle Lists = new("terms", "relatedTerms");
}
