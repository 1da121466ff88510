namespace Roles.Tests;

public sealed class RolesBatchingTests(SubgraphFactory<Program> factory) : EntityBatchingTests<Program>(factory)
{
    protected override IReadOnlyDictionary<string, string[]> OwnedEntities { get; } = new Dictionary<string, string[]>
    {
        ["Role"] = RolesSeed.Roles,
        ["Tool"] = RolesSeed.Tools,
        ["ComparisonAspect"] = RolesSeed.ComparisonAspects,
    };

    [Theory]
    [InlineData("Role")]
    [InlineData("Tool")]
    [InlineData("ComparisonAspect")]
    public Task Entities_with_50_representations_run_one_sql_query(string typeName) =>
        AssertOneSqlQueryFor50RepresentationsAsync(typeName);

    [Theory]
    [InlineData("Role")]
    [InlineData("Tool")]
    [InlineData("ComparisonAspect")]
    public Task Entities_with_50_representations_and_slow_sql_all_resolve_without_errors(string typeName) =>
        AssertAll50ResolveWithSlowSqlAsync(typeName);
}
