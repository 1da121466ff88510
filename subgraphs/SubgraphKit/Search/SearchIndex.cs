using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Identity;

namespace SubgraphKit.Search;

/// <summary>
/// What every subgraph's search shares: one search table per subgraph (not one per type, so that the
/// ranking's statistics cover as many rows as there are, 20 to 40), with the same stemming and name
/// weight everywhere. The scores are raw −bm25 on both engines; the merge makes them comparable
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
/// The table is rebuilt at every start, and after every curation, rather than kept by triggers: the
/// content only changes through seeding and curation, a comparison aspect's text lives in a child
/// table, which triggers on the parent would miss, and the rebuild takes a few milliseconds at this
/// size (a crash between a write and its rebuild is mended at the next start).
/// </para>
/// </summary>
public abstract class SearchIndex<TDbContext>(IDbContextFactory<TDbContext> contexts) : SearchIndex
    where TDbContext : DbContext
{
    // SQLite takes at most 32,766 parameters in a statement; 100 rows are 400.
    private const int RowsPerInsert = 100;

    // SQLite: bm25's weights are positional, one per column: Type, Slug (unindexed), Name, Text.
    private static readonly string SqliteSearchSql = string.Create(CultureInfo.InvariantCulture, $$"""
        SELECT Type AS "Type", Slug AS "Slug", -bm25("{{Table}}", 0, 0, {{NameWeight:0.0}}, 1.0) AS "Score"
        FROM "{{Table}}"
        WHERE "{{Table}}" MATCH {0}
        ORDER BY "Score" DESC, "Type", "Slug"
        LIMIT {1}
        """);

    // PostgreSQL: FTS5's bm25 worked out from the tsvector (k1 1.2 and b 0.75 as in FTS5, a name word
    // weighing NameWeight), so both engines score and order alike. Not ts_rank: it has no IDF, no length
    // normalisation and no saturation, and ranks several words by how close they stand, so its best
    // results are not SQLite's. The statistics read the whole table, tens of rows per subgraph.
    private static readonly string PostgresSearchSql = string.Create(CultureInfo.InvariantCulture, $$"""
        WITH term AS (
            -- Each word's stem, and the last word's again as a prefix: FTS5's ("w" OR "w"*) is two
            -- phrases too. A stop word has no stem, as to_tsquery drops it.
            SELECT word.n, stem.lexeme, kind.prefix
            FROM unnest({2}::text[]) WITH ORDINALITY AS word(text, n)
            CROSS JOIN unnest(to_tsvector('english', word.text)) AS stem
            CROSS JOIN (VALUES (false), (true)) AS kind(prefix)
            WHERE NOT kind.prefix OR word.n = cardinality({2}::text[])),
        document AS (
            -- The length in tokens is the last position: stop words hold positions, as FTS5 counts them.
            SELECT "Type", "Slug", "Words", "Words" @@ to_tsquery('english', {0}) AS matched,
                coalesce((SELECT max(entry.positions[cardinality(entry.positions)]) FROM unnest("Words") AS entry), 0) AS length
            FROM "{{Table}}"),
        total AS (SELECT count(*)::float8 AS documents, avg(length)::float8 AS length FROM document),
        frequency AS (
            SELECT document."Type", document."Slug", term.n, term.prefix,
                sum(CASE occurrence.weight WHEN 'A' THEN {{NameWeight:0.0}} ELSE 1 END)::float8 AS f
            FROM document
            CROSS JOIN unnest(document."Words") AS entry
            CROSS JOIN unnest(entry.positions, entry.weights) AS occurrence(position, weight)
            JOIN term ON entry.lexeme = term.lexeme OR (term.prefix AND starts_with(entry.lexeme, term.lexeme))
            GROUP BY 1, 2, 3, 4),
        idf AS (
            -- FTS5 clamps a term in more than half of the rows to 1e-6 (docs/search.md).
            SELECT n, prefix, greatest(ln((total.documents - count(*) + 0.5) / (count(*) + 0.5)), 1e-6) AS idf
            FROM frequency CROSS JOIN total
            GROUP BY n, prefix, total.documents)
        SELECT document."Type", document."Slug",
            sum(idf.idf * f * (1.2 + 1) / (f + 1.2 * (1 - 0.75 + 0.75 * document.length / total.length))) AS "Score"
        FROM frequency
        JOIN idf ON idf.n = frequency.n AND idf.prefix = frequency.prefix
        JOIN document ON document."Type" = frequency."Type" AND document."Slug" = frequency."Slug"
        CROSS JOIN total
        WHERE document.matched
        GROUP BY document."Type", document."Slug"
        ORDER BY "Score" DESC, document."Type" COLLATE "C", document."Slug" COLLATE "C"
        LIMIT {1}
        """);

    // Concurrent rebuilds (two replicas curating at once) run one after the other, while searches go on
    // reading: EXCLUSIVE conflicts with writers and other rebuilds, not with readers.
    private static readonly string PostgresRebuildLock = $"""LOCK TABLE "{Table}" IN EXCLUSIVE MODE""";

    /// <summary>The searchable types of this subgraph and where their words come from.</summary>
    protected abstract IReadOnlyList<SearchSource<TDbContext>> Sources { get; }

    /// <summary>
    /// A source over <paramref name="rows"/> (an entity set, or a projection of one that brings in a
    /// child table's text): <paramref name="slug"/> keys each row, and its words come from
    /// <paramref name="names"/> and <paramref name="texts"/>.
    /// </summary>
    protected static SearchSource<TDbContext> Source<TRow>(
        string typeName,
        Func<TDbContext, IQueryable<TRow>> rows,
        Func<TRow, string> slug,
        Func<TRow, IEnumerable<string?>> names,
        Func<TRow, IEnumerable<string?>> texts)
        where TRow : class =>
        new SearchSource<TDbContext>.Rows<TRow>(typeName, rows, slug, names, texts);

    /// <summary>Refills the search table from the entity tables, in one transaction.</summary>
    public async Task RebuildAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var documents = new List<SearchDocument>();
        foreach (var source in Sources)
        {
            documents.AddRange(await source.ReadAsync(db, cancellationToken));
        }

        if (db.Database.IsNpgsql())
        {
            // PostgreSQL indexes the words FTS5 would see (SearchText.ToIndexedText says why).
            documents = [.. documents.Select(document => document with
            {
                Name = SearchText.ToIndexedText(document.Name),
                Text = SearchText.ToIndexedText(document.Text),
            })];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(PostgresRebuildLock, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync($"""DELETE FROM "{Table}" """, cancellationToken);
        foreach (var chunk in documents.Chunk(RowsPerInsert))
        {
            // Parameters {0}, {1}, ... four per row: the words are content, never spliced into the SQL.
            var values = string.Join(", ", chunk.Select((_, row) => $"({{{4 * row}}}, {{{(4 * row) + 1}}}, {{{(4 * row) + 2}}}, {{{(4 * row) + 3}}})"));
            var parameters = chunk.SelectMany(document => new object[] { document.Type, document.Slug, document.Name, document.Text });
            var insert = $"""INSERT INTO "{Table}" ("Type", "Slug", "Name", "Text") VALUES {values}""";
            await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int first, CancellationToken cancellationToken)
    {
        var words = SearchText.ToWords(query);
        if (words.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var limit = Math.Clamp(first, 1, MaxFirst);
        var rows = await (db.Database.IsNpgsql()
                ? db.Database.SqlQueryRaw<SearchRow>(PostgresSearchSql, SearchText.ToTsQuery(words), limit, words.ToArray())
                : db.Database.SqlQueryRaw<SearchRow>(SqliteSearchSql, SearchText.ToMatchExpression(words), limit))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new SearchHit(GlobalId.Encode(row.Type, row.Slug), row.Score))];
    }

    private sealed class SearchRow
    {
        public string Type { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public double Score { get; set; }
    }
}
