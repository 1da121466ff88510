using System.Text.RegularExpressions;

namespace SubgraphKit.Search;

/// <summary>
/// Turns what a user typed into a query for the database's full-text search that is always valid.
/// Both engines' query syntaxes give meaning to punctuation and keywords (FTS5: <c>"</c>, <c>*</c>,
/// <c>-</c>, <c>:</c>, <c>^</c>, parentheses, AND/OR/NOT/NEAR; PostgreSQL's tsquery: <c>&amp;</c>,
/// <c>|</c>, <c>!</c>, <c>:</c>, <c>&lt;-&gt;</c>), and a syntax error is an SQL error; so the text is
/// cut into words (letters and digits only), and only the kit adds operators: every word must match,
/// the last one also as a prefix (search as you type).
/// </summary>
public static partial class SearchText
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    /// <summary>The FTS5 MATCH expression (SQLite) of <see cref="ToWords"/>' words, at least one.</summary>
    public static string ToMatchExpression(IReadOnlyList<string> words) =>
        // The porter stemmer applies to quoted strings but not to a prefix, so "developer"* would miss the
        // stored "develop": the last word matches either as typed-so-far or as a whole word.
        Join(words, word => $"\"{word}\"", " AND ", last => $"(\"{last}\" OR \"{last}\"*)");

    /// <summary>The tsquery text for <c>to_tsquery('english', ...)</c> (PostgreSQL) of <see cref="ToWords"/>' words, at least one.</summary>
    public static string ToTsQuery(IReadOnlyList<string> words) =>
        // to_tsquery stems a prefix too ("developer:*" becomes 'develop':*), so one term covers both.
        Join(words, word => word, " & ", last => $"{last}:*");

    /// <summary>The words searched for, in order (the last one also as a prefix); empty when the text holds none.</summary>
    public static IReadOnlyList<string> ToWords(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. Word().Matches(text)
                .Select(match => match.Value.Length > MaxWordLength ? match.Value[..MaxWordLength] : match.Value)
                .Take(MaxWords)];

    /// <summary>
    /// A document's text as the words FTS5's tokenizer finds in it, one space apart: what PostgreSQL is
    /// given to index. Its own parser would also index "api-first" whole beside "api" and "first" (so a
    /// prefix "api" finds it twice) and "swagger/openapi" as one path (so "openapi" misses it).
    /// </summary>
    public static string ToIndexedText(string text) => string.Join(' ', Word().Matches(text).Select(match => match.Value));

    private static string Join(IReadOnlyList<string> words, Func<string, string> word, string and, Func<string, string> lastWord) =>
        string.Join(and, words.SkipLast(1).Select(word).Append(lastWord(words[^1])));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
