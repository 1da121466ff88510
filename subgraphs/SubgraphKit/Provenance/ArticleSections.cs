using System.Text.Json;

namespace SubgraphKit.Provenance;

/// <summary>
/// The article's section headings, from docs/article-sections.json (embedded at build), so a new
/// record's provenance can be checked the same way the seed files are.
/// </summary>
public static class ArticleSections
{
    public static IReadOnlySet<string> Headings { get; } = Load();

    private static HashSet<string> Load()
    {
        using var stream = typeof(ArticleSections).Assembly.GetManifestResourceStream("article-sections.json")
            ?? throw new InvalidOperationException("article-sections.json is not embedded in SubgraphKit.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray()
            .Select(section => section.GetProperty("heading").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
