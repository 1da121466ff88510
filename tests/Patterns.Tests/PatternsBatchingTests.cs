namespace Patterns.Tests;

public sealed class PatternsBatchingTests(SubgraphFactory<Program> factory) : EntityBatchingTests<Program>(factory)
{
    protected override IReadOnlyDictionary<string, string[]> OwnedEntities { get; } = new Dictionary<string, string[]>
    {
        ["ArchitecturePattern"] = PatternsSeed.Patterns,
        ["Practice"] = PatternsSeed.Practices,
    };

    [Theory]
    [InlineData("ArchitecturePattern")]
    [InlineData("Practice")]
    public Task Entities_with_50_representations_run_one_sql_query(string typeName) =>
        AssertOneSqlQueryFor50RepresentationsAsync(typeName);

    [Theory]
    [InlineData("ArchitecturePattern")]
    [InlineData("Practice")]
    public Task Entities_with_50_representations_and_slow_sql_all_resolve_without_errors(string typeName) =>
        AssertAll50ResolveWithSlowSqlAsync(typeName);

    [Theory]
    [InlineData("Role", false)]
    [InlineData("Role", true)]
    [InlineData("Tool", false)]
    [InlineData("Tool", true)]
    [InlineData("Term", false)]
    [InlineData("Term", true)]
    public Task Practices_of_50_contributed_entities_load_with_one_sql_query(string typeName, bool slowSql) =>
        AssertOneSqlQueryForContributedFieldAsync(typeName, KeysOf(typeName), "practices { slug }", slowSql);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Pattern_stances_of_50_roles_load_with_one_sql_query(bool slowSql) =>
        AssertOneSqlQueryForContributedFieldAsync("Role", PatternsSeed.Roles, "patternStances { preference rationale }", slowSql);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Favoured_patterns_of_50_roles_load_with_one_sql_query(bool slowSql) =>
        AssertOneSqlQueryForContributedFieldAsync("Role", PatternsSeed.Roles, "favouredPatterns { slug name }", slowSql);

    private static string[] KeysOf(string typeName) => typeName switch
    {
        "Role" => PatternsSeed.Roles,
        "Tool" => PatternsSeed.Tools,
        "Term" => PatternsSeed.Terms,
        _ => throw new ArgumentOutOfRangeException(nameof(typeName), typeName, null),
    };
}
