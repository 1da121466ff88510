using System.Text.RegularExpressions;
using SubgraphKit.Provenance;

namespace SubgraphKit.Curation;

/// <summary>
/// The rules every curation input obeys. Each check throws a <c>BAD_USER_INPUT</c> error naming the
/// field, before anything is written.
/// </summary>
public static partial class InputRules
{
    public const int MaxSlugLength = 80;
    public const int MaxNameLength = 120;
    public const int MaxTextLength = 4000;
    public const int MaxListLength = 50;

    /// <summary>Lower-case words joined by single hyphens: what every seeded slug looks like.</summary>
    public static string Slug(string field, string? value)
    {
        var slug = Text(field, value, MaxSlugLength);
        return SlugPattern().IsMatch(slug)
            ? slug
            : throw CurationError.Invalid(field, "use lower-case letters and digits in words joined by single hyphens, such as 'api-gateway'.");
    }

    /// <summary>Trimmed, non-empty, and at most <paramref name="maxLength"/> characters.</summary>
    public static string Text(string field, string? value, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw CurationError.Invalid(field, "must not be empty.");
        }

        return text.Length <= maxLength
            ? text
            : throw CurationError.Invalid(field, $"may be at most {maxLength} characters; it has {text.Length}.");
    }

    /// <summary>A list of short texts: each non-empty and bounded, no duplicates, at most <see cref="MaxListLength"/>.</summary>
    public static List<string> Texts(string field, IEnumerable<string>? values, int maxLength = MaxNameLength)
    {
        var list = (values ?? []).Select(value => Text(field, value, maxLength)).ToList();
        if (list.Count > MaxListLength)
        {
            throw CurationError.Invalid(field, $"may hold at most {MaxListLength} items; it has {list.Count}.");
        }

        return list.Distinct(StringComparer.Ordinal).Count() == list.Count
            ? list
            : throw CurationError.Invalid(field, "must not repeat an item.");
    }

    /// <summary>One of the article's section headings, exactly as printed (the record's provenance).</summary>
    public static string Section(string field, string? value)
    {
        var heading = Text(field, value, MaxNameLength);
        return ArticleSections.Headings.Contains(heading)
            ? heading
            : throw CurationError.Invalid(field, "must be one of the article's section headings, exactly as printed (see the source field of any record).");
    }

    /// <summary>Every slug names an existing record, per <paramref name="existing"/>.</summary>
    public static void Exist(string field, IReadOnlyCollection<string> slugs, IReadOnlySet<string> existing)
    {
        var missing = slugs.Where(slug => !existing.Contains(slug)).ToList();
        if (missing.Count > 0)
        {
            throw CurationError.Invalid(field, $"no record has the slug(s) {string.Join(", ", missing.Select(slug => $"'{slug}'"))}.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
