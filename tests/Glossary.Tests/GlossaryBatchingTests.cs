namespace Glossary.Tests;

public sealed class GlossaryBatchingTests(SubgraphFactory<Program> factory) : EntityBatchingTests<Program>(factory)
{
    protected override IReadOnlyDictionary<string, string[]> OwnedEntities { get; } = new Dictionary<string, string[]>
    {
        ["Term"] = GlossarySeed.Terms,
    };

    [Fact]
    public Task Entities_with_50_representations_run_one_sql_query() =>
        AssertOneSqlQueryFor50RepresentationsAsync("Term");

    [Fact]
    public Task Entities_with_50_representations_and_slow_sql_all_resolve_without_errors() =>
        AssertAll50ResolveWithSlowSqlAsync("Term");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Term_perspectives_of_50_roles_load_with_one_sql_query(bool slowSql) =>
        AssertOneSqlQueryForContributedFieldAsync("Role", GlossarySeed.Roles, "termPerspectives { text }", slowSql);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Terms_describing_50_patterns_load_with_one_sql_query(bool slowSql) =>
        AssertOneSqlQueryForContributedFieldAsync("ArchitecturePattern", GlossarySeed.Patterns, "describedBy { slug }", slowSql);
}
