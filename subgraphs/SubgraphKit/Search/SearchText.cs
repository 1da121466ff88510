using System.Text.RegularExpressions;

namespace SubgraphKit.Search;

/// <summary>
/// Turns what a user typed into an FTS5 MATCH expression that is always valid. FTS5's query syntax
/// gives meaning to <c>"</c>, <c>*</c>, <c>-</c>, <c>:</c>, <c>^</c>, parentheses and AND/OR/NOT/NEAR, and a
/// syntax error is an SQL error; so the text is cut into words (letters and digits), each word is
/// quoted as a string, and only the kit adds operators: every word must match, the last one also as
/// a prefix (search as you type).
/// </summary>
public static partial class SearchText
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    /// <summary>The MATCH expression, or null when the text holds no word to search for.</summary>
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Word().Matches(text)
            .Select(match => match.Value.Length > MaxWordLength ? match.Value[..MaxWordLength] : match.Value)
            .Take(MaxWords)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // The porter stemmer applies to quoted strings but not to a prefix, so "developer"* would miss the
        // stored "develop": the last word matches either as typed-so-far or as a whole word.
        var last = words[^1];
        return string.Join(" AND ", words.SkipLast(1).Select(Quote).Append($"({Quote(last)} OR {Quote(last)}*)"));
    }

    private static string Quote(string word) => "\"" + word + "\"";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
