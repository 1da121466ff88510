namespace Edge.Requests;

/// <summary>
/// What one request may bring to the gateway before the engine parses it, bound from the "Edge" section
/// (e.g. <c>Edge__MaxTokens=2000</c>). The engine's own limits are in grafbase.toml; reasons in docs/limits.md.
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    public int MaxRequestBodyBytes { get; set; } = 100 * 1024;

    /// <summary>Lexical tokens in the document, counted before anything parses it.</summary>
    public int MaxTokens { get; set; } = 1000;

    /// <summary>Nesting of arrays and objects in variables and extensions: the subgraphs' own limit, since the engine passes variables on.</summary>
    public int MaxInputDepth { get; set; } = new SubgraphKit.Limits.RequestLimits().MaxInputDepth;
}
