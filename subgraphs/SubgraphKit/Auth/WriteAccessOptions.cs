namespace SubgraphKit.Auth;

/// <summary>
/// Configuration section "Auth": the key that signs the bearer tokens writes need. Every subgraph
/// (and the token command) must read the same key; reads never need a token.
/// </summary>
public sealed class WriteAccessOptions
{
    public const string Section = "Auth";

    /// <summary>The scope a token must carry for curation mutations.</summary>
    public const string WriteScope = "graph:write";

    public const string Issuer = "federation-supergraph";

    public const string Audience = "federation-supergraph";

    /// <summary>HS256 key, base64, at least 32 bytes. Without one, every write is refused.</summary>
    public string? SigningKey { get; set; }
}
