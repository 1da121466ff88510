namespace SubgraphKit.Http;

/// <summary>Limits of the GraphQL-over-HTTP endpoint, bound from the "GraphQL" configuration section.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>
    /// 100 KB holds any hand-written operation and an <c>_entities</c> call with hundreds of
    /// representations, and stops a client from making the server buffer megabytes of JSON.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 100 * 1024;

    public string Path { get; set; } = "/graphql";
}
