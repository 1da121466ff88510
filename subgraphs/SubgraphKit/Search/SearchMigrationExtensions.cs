using Microsoft.EntityFrameworkCore.Migrations;

namespace SubgraphKit.Search;

/// <summary>
/// Creates and drops a subgraph's search table from its EF migrations (EF models neither FTS5 tables
/// nor tsvector columns with weights). The same shape in every subgraph, so the migrations never
/// depend on what is indexed.
/// </summary>
public static class SearchMigrationExtensions
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// <c>SearchDocuments</c> of (Type, Slug, Name, Text) for all the subgraph's searchable types, filled
    /// by <see cref="SearchIndex{TDbContext}.RebuildAsync"/> at every start, after seeding.
    /// <list type="bullet">
    /// <item>SQLite: an FTS5 table with the porter stemmer, ranked by bm25 at query time.</item>
    /// <item>PostgreSQL: a plain table with a stored tsvector of the English-stemmed words, the name's
    /// weighted A and the text's D, under a GIN index; ranked by the same bm25, worked out in SQL.</item>
    /// </list>
    /// </summary>
    public static void CreateSearchTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(migrationBuilder.ActiveProvider == NpgsqlProvider
            ? $"""
              CREATE TABLE "{SearchIndex.Table}" (
                  "Type" text NOT NULL,
                  "Slug" text NOT NULL,
                  "Name" text NOT NULL,
                  "Text" text NOT NULL,
                  "Words" tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', "Name"), 'A') || setweight(to_tsvector('english', "Text"), 'D')) STORED,
                  PRIMARY KEY ("Type", "Slug"));
              CREATE INDEX "IX_{SearchIndex.Table}_Words" ON "{SearchIndex.Table}" USING GIN ("Words");
              """
            : $"""
              CREATE VIRTUAL TABLE "{SearchIndex.Table}" USING fts5(
                  Type UNINDEXED, Slug UNINDEXED, Name, Text,
                  tokenize = 'porter unicode61 remove_diacritics 2');
              """);

    public static void DropSearchTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{SearchIndex.Table}";""");
}
