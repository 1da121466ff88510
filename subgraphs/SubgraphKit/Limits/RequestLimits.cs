namespace SubgraphKit.Limits;

/// <summary>
/// What one GraphQL request may ask of a subgraph, bound from the "GraphQL:Limits" configuration
/// section (e.g. <c>GraphQL__Limits__MaxDepth=20</c>). The defaults and their reasons are in README.md,
/// "Limits": each is well above what the gateway's own subgraph requests for the trusted operations
/// need, and well below what it takes to keep a core busy.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Lexical tokens in the document, counted before it is parsed.</summary>
    public int MaxTokens { get; set; } = 2000;

    /// <summary>Nesting of selection sets, as GraphQL.NET's complexity analyzer counts it.</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>Aliased fields in the document, fragments included.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>GraphQL.NET's complexity: 1 per field, children of a list field counted <see cref="ListSize"/> times.</summary>
    public double MaxComplexity { get; set; } = 40_000;

    /// <summary>The number of items the complexity analyzer assumes a list field returns.</summary>
    public double ListSize { get; set; } = 10;
}
