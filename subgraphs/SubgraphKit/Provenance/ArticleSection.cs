using System.Text;

namespace SubgraphKit.Provenance;

/// <summary>Where a record comes from: a section of the article, by its heading.</summary>
public sealed record ArticleSection(string Heading)
{
    /// <summary>The heading as a URL fragment: lower case, words joined by hyphens.</summary>
    public string Anchor { get; } = ToAnchor(Heading);

    private static string ToAnchor(string heading)
    {
        var anchor = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                anchor.Append(c);
            }
            else if (anchor.Length > 0 && anchor[^1] != '-')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString().TrimEnd('-');
    }
}
