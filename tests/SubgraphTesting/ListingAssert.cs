using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SubgraphKit.Data;
using Xunit;

namespace SubgraphTesting;

/// <summary>Checks shared by every subgraph's list root fields.</summary>
public static partial class ListingAssert
{
    /// <summary>
    /// Asserts that <paramref name="sql"/>, a command EF ran on <paramref name="engine"/>, contains
    /// <paramref name="expected"/>, written as EF writes it for SQLite (see <see cref="InDialectOf"/>).
    /// </summary>
    public static void SqlContains(DatabaseEngine engine, string expected, string sql) =>
        Assert.Contains(InDialectOf(engine, expected), sql.ReplaceLineEndings("\n"), StringComparison.Ordinal);

    /// <summary>Asserts that <paramref name="sql"/> begins with <paramref name="expected"/>, written as for SQLite.</summary>
    public static void SqlStartsWith(DatabaseEngine engine, string expected, string sql) =>
        Assert.StartsWith(InDialectOf(engine, expected), sql.ReplaceLineEndings("\n"), StringComparison.Ordinal);

    /// <summary>
    /// SQL as EF writes it for SQLite, rewritten into what it writes for the same query on
    /// <paramref name="engine"/>, so a test states the SQL it expects once and checks it exactly on both.
    /// Only the spelling differs, never the shape: Npgsql quotes an identifier only when it needs to
    /// (<c>t."Name"</c> for <c>"t"."Name"</c>), its COUNT reads <c>count(*)::int</c>, and the kit turns
    /// LIKE into ILIKE there (<see cref="CaseInsensitiveLike"/>).
    /// </summary>
    public static string InDialectOf(DatabaseEngine engine, string sqliteSql)
    {
        var sql = sqliteSql.ReplaceLineEndings("\n");
        if (engine == DatabaseEngine.Sqlite)
        {
            return sql;
        }

        sql = LowerCaseIdentifier().Replace(sql, "$1");
        sql = sql.Replace("COUNT(*)", "count(*)::int", StringComparison.Ordinal);
        return Like().Replace(sql, "ILIKE");
    }

    // Npgsql leaves an identifier bare when it is lower case letters, digits and '_' (and no keyword;
    // the aliases EF picks, such as t or p, are none), as PostgreSQL folds bare names to lower case.
    [GeneratedRegex("\"([a-z_][a-z0-9_]*)\"")]
    private static partial Regex LowerCaseIdentifier();

    [GeneratedRegex(@"\bLIKE\b")]
    private static partial Regex Like();

    /// <summary>
    /// A connection reads only the selected columns into its nodes. This proves no selected field lost
    /// its column on the way: each node equals the same record loaded whole through its lookup field.
    /// </summary>
    public static async Task ProjectionKeepsEveryFieldAsync(HttpClient client, string listField, string lookupField, string selection)
    {
        var list = GraphQLAssert.Data(await client.PostGraphQLAsync($"{{ {listField}(first: 50) {{ nodes {{ slug {selection} }} }} }}"));
        var nodes = list[listField]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);

        foreach (var node in nodes)
        {
            var slug = node!["slug"]!.GetValue<string>();
            var single = GraphQLAssert.Data(await client.PostGraphQLAsync(
                $"query($slug: String!) {{ {lookupField}(slug: $slug) {{ slug {selection} }} }}", new { slug }));
            Assert.True(JsonNode.DeepEquals(single[lookupField], node), $"{listField} node {slug} differs from {lookupField}: {node.ToJsonString()} vs {single[lookupField]?.ToJsonString()}");
        }
    }
}
