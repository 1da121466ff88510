namespace SubgraphKit.Limits;

/// <summary>
/// What one GraphQL request may ask of a subgraph, bound from the "GraphQL:Limits" configuration
/// section (e.g. <c>GraphQL__Limits__MaxDepth=20</c>). The defaults and their reasons are in docs/limits.md:
/// each is well above what the gateway's own subgraph requests for the trusted operations
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

    /// <summary>
    /// Fields in the document's operations and fragments, each fragment spread counted as the fields it
    /// holds: fragments shorten a document, they must not multiply the work of validating it (31 fragments
    /// that each spread the previous one twice hold 2^30 fields in 1 KB).
    /// </summary>
    public int MaxFields { get; set; } = 2000;

    /// <summary>
    /// Nesting of selection sets with fragments spread in place, where a field's selections, an inline
    /// fragment and a fragment spread each add a level: it bounds the recursion of validation and
    /// execution, which <see cref="MaxDepth"/> (fields only, counted after validation) does not.
    /// </summary>
    public int MaxNesting { get; set; } = 64;

    /// <summary>
    /// Nesting of lists and input objects in one argument value, literal or variable (an <c>and</c>
    /// filter in an <c>and</c> filter is two levels), checked before any value is coerced.
    /// </summary>
    public int MaxInputDepth { get; set; } = 16;

    /// <summary>GraphQL.NET's complexity: 1 per field, children of a list field counted <see cref="ListSize"/> times.</summary>
    public double MaxComplexity { get; set; } = 40_000;

    /// <summary>The number of items the complexity analyzer assumes a list field returns.</summary>
    public double ListSize { get; set; } = 10;
}
