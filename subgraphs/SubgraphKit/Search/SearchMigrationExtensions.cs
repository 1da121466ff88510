using Microsoft.EntityFrameworkCore.Migrations;

namespace SubgraphKit.Search;

/// <summary>Creates and drops a subgraph's search table from its EF migrations (EF models no FTS5 tables).</summary>
public static class SearchMigrationExtensions
{
    /// <summary>
    /// <c>SearchDocuments</c>, an FTS5 table of (Type, Slug, Name, Text) for all the subgraph's searchable
    /// types. It is filled by <see cref="SearchIndex{TDbContext}.RebuildAsync"/> at every start, after
    /// seeding. The same shape in every subgraph, so the migrations never depend on what is indexed.
    /// </summary>
    public static void CreateSearchTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{SearchIndex.Table}" USING fts5(
                Type UNINDEXED, Slug UNINDEXED, Name, Text,
                tokenize = 'porter unicode61 remove_diacritics 2');
            """);

    public static void DropSearchTable(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{SearchIndex.Table}";""");
}
