using System.Text.RegularExpressions;
using SubgraphKit.Hosting;

namespace Supergraph.Tests;

/// <summary>The committed contract in schema/: current, and composed the way the issue demands.</summary>
public sealed partial class ContractTests
{
    [Fact]
    public async Task Committed_schema_matches_what_export_and_compose_produce_now()
    {
        var compose = await Command.RunAsync("node", ["gateway/compose.mjs", "--check", "--no-build"], Repo.Root,
            new Dictionary<string, string> { ["CONFIGURATION"] = "Debug" });

        Assert.True(compose.ExitCode == 0, compose.Output);
    }

    [Fact]
    public void Supergraph_joins_three_subgraphs_and_shares_entities_between_them()
    {
        var supergraph = File.ReadAllText(Repo.Path("schema", "supergraph.graphql"));

        var graphs = JoinGraphValue().Matches(supergraph).Select(match => match.Groups[1].Value);
        Assert.Equal(SubgraphRegistry.All.Select(subgraph => subgraph.Name.ToUpperInvariant()).Order(), graphs.Order());

        var sharedEntities = TypeWithJoins().Matches(supergraph)
            .Where(match => KeyedJoin().Count(match.Groups[2].Value) >= 2)
            .Select(match => match.Groups[1].Value)
            .Order();
        // Every entity: the glossary declares each one as a Node, and Search has a part in each subgraph.
        Assert.Equal(["ArchitecturePattern", "ComparisonAspect", "Practice", "Role", "Search", "Term", "Tool"], sharedEntities);
    }

    [GeneratedRegex("""^[ \t]+(\w+) @join__graph\(""", RegexOptions.Multiline)]
    private static partial Regex JoinGraphValue();

    [GeneratedRegex("""^type (\w+)(?: implements [\w &]+?)?((?: @join__type\([^)]*\))+)""", RegexOptions.Multiline)]
    private static partial Regex TypeWithJoins();

    [GeneratedRegex("""@join__type\(graph: \w+, key: """)]
    private static partial Regex KeyedJoin();
}
