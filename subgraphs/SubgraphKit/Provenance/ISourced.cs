namespace SubgraphKit.Provenance;

/// <summary>A stored record that remembers the article section it was taken from.</summary>
public interface ISourced
{
    /// <summary>The heading of the article section, exactly as printed.</summary>
    string Section { get; }
}
