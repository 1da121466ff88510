using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Identity;

namespace SubgraphKit.Search;

/// <summary>
/// What every subgraph's search shares: one FTS5 table per subgraph (not one per type, so that bm25's
/// statistics cover as many rows as there are, 20 to 40), ranked by bm25 with the same tokenizer and
/// column weights everywhere. The scores are raw (−bm25); the merge makes them comparable
/// (<see cref="SearchGraphTypeExtensions.SearchResults{TIndex}"/>).
/// </summary>
public abstract class SearchIndex
{
    public const string Table = "SearchDocuments";

    /// <summary>A word in a name (or abbreviation) counts this many times as much as one in a text.</summary>
    public const double NameWeight = 10.0;

    public const int MaxFirst = 50;

    /// <summary>
    /// The best <paramref name="first"/> matches of <paramref name="query"/> across all of this subgraph's
    /// types, in one SQL query; empty when the query holds no word.
    /// </summary>
    public abstract Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int first, CancellationToken cancellationToken);
}

/// <summary>
/// A subgraph's search: which rows of which tables are searchable (<see cref="Sources"/>), the rebuild
/// of the table from them, and the one ranked query. Subclasses are found and registered by AddSubgraph.
/// <para>
/// The table is a plain FTS5 table rebuilt at every start rather than an external-content table kept by
/// triggers: the entity tables are keyed by slug, so their implicit rowid (which external content needs)
/// may change on VACUUM; a comparison aspect's text lives in a child table, which triggers on the parent
/// would miss; and the content only changes through seeding and curation, each followed by a rebuild
/// (a few milliseconds at this size; a crash between a write and its rebuild is mended at the next start).
/// </para>
/// </summary>
public abstract class SearchIndex<TDbContext>(IDbContextFactory<TDbContext> contexts) : SearchIndex
    where TDbContext : DbContext
{
    // The weights are positional, one per column: Type, Slug (unindexed), Name, Text.
    private static readonly string SearchSql = $"""
        SELECT Type, Slug, -bm25("{Table}", 0, 0, {NameWeight:0.0}, 1.0) AS Score
        FROM "{Table}"
        WHERE "{Table}" MATCH @match
        ORDER BY Score DESC, Type, Slug
        LIMIT @first
        """;

    /// <summary>The searchable types of this subgraph and the columns their words come from.</summary>
    protected abstract IReadOnlyList<SearchSource> Sources { get; }

    /// <summary>Refills the search table from the entity tables, in one transaction.</summary>
    public async Task RebuildAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var statements = Sources.Select(source =>
            $"""INSERT INTO "{Table}" (Type, Slug, Name, Text) SELECT '{source.TypeName.Replace("'", "''", StringComparison.Ordinal)}', Slug, {Words(source.NameColumns)}, {Words(source.TextColumns)} FROM "{source.Table}";""");
        // Only names declared in code go into this text, never input.
        var sql = $"DELETE FROM \"{Table}\";\n" + string.Join("\n", statements);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int first, CancellationToken cancellationToken)
    {
        var match = SearchText.ToMatchExpression(query);
        if (match is null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Database
            .SqlQueryRaw<SearchRow>(SearchSql, new SqliteParameter("@match", match), new SqliteParameter("@first", Math.Clamp(first, 1, MaxFirst)))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new SearchHit(GlobalId.Encode(row.Type, row.Slug), row.Score))];
    }

    private static string Words(string[] expressions) =>
        expressions.Length == 0 ? "''" : string.Join(" || ' ' || ", expressions.Select(expression => $"coalesce({expression}, '')"));

    private sealed class SearchRow
    {
        public string Type { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public double Score { get; set; }
    }
}
