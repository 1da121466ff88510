using System.Text.RegularExpressions;
using SubgraphKit.Hosting;

namespace Supergraph.Tests;

/// <summary>
/// subgraphs/subgraphs.json is the one list of the subgraphs. The two files that cannot read it, the engine's
/// gateway/grafbase.toml and the composed schema/supergraph.graphql, must say the same, or these fail.
/// </summary>
public sealed partial class SubgraphRegistryTests
{
    private static readonly string GrafbaseToml = File.ReadAllText(Repo.Path("gateway", "grafbase.toml"));

    [Fact]
    public void Grafbase_toml_configures_the_registered_subgraphs_and_no_others_in_the_same_order()
    {
        var configured = SubgraphTable().Matches(GrafbaseToml).Select(table => table.Groups["name"].Value).Distinct();

        Assert.Equal(SubgraphRegistry.All.Select(subgraph => subgraph.Name), configured);
    }

    [Fact]
    public void Grafbase_toml_takes_each_subgraphs_url_from_its_variable_and_its_schema_from_its_file()
    {
        foreach (var subgraph in SubgraphRegistry.All)
        {
            var section = Section(subgraph.Name);

            Assert.Equal($"{{{{ env.{subgraph.UrlVariable} }}}}", Setting(section, "url"));
            Assert.Equal("../" + subgraph.Schema, Setting(section, "schema_path"));
        }
    }

    [Fact]
    public void The_committed_supergraph_joins_each_registered_subgraph_at_its_default_port()
    {
        var joined = JoinGraph().Matches(File.ReadAllText(Repo.Path("schema", "supergraph.graphql")))
            .Select(join => (Name: join.Groups["name"].Value, Url: join.Groups["url"].Value))
            .OrderBy(join => join.Name, StringComparer.Ordinal);

        var registered = SubgraphRegistry.All
            .Select(subgraph => (subgraph.Name, Url: $"http://127.0.0.1:{subgraph.Port}/graphql"))
            .OrderBy(subgraph => subgraph.Name, StringComparer.Ordinal);
        Assert.Equal(registered, joined);
    }

    [Fact]
    public void Every_registered_project_and_schema_file_exists_and_the_names_are_distinct()
    {
        Assert.All(SubgraphRegistry.All, subgraph =>
        {
            Assert.True(File.Exists(Repo.Path(subgraph.Project, subgraph.ProjectName + ".csproj")), $"{subgraph.Project}/{subgraph.ProjectName}.csproj is missing");
            Assert.True(File.Exists(Repo.Path(subgraph.Schema)), $"{subgraph.Schema} is missing");
        });
        Assert.Distinct(SubgraphRegistry.All.Select(subgraph => subgraph.Name));
        Assert.Distinct(SubgraphRegistry.All.Select(subgraph => subgraph.Port));
        Assert.Distinct(SubgraphRegistry.All.Select(subgraph => subgraph.UrlVariable));
        Assert.Distinct(SubgraphRegistry.All.Select(subgraph => subgraph.PortVariable));
    }

    /// <summary>The lines of the <c>[subgraphs.NAME]</c> table, up to the next table.</summary>
    private static string Section(string name)
    {
        var section = Regex.Match(GrafbaseToml, $@"^\[subgraphs\.{Regex.Escape(name)}\]\n(?<body>(?:[^\[].*\n?)*)", RegexOptions.Multiline);
        Assert.True(section.Success, $"gateway/grafbase.toml has no [subgraphs.{name}] table");
        return section.Groups["body"].Value;
    }

    private static string? Setting(string section, string key)
    {
        var setting = Regex.Match(section, $@"^{Regex.Escape(key)}\s*=\s*""(?<value>[^""]*)""", RegexOptions.Multiline);
        return setting.Success ? setting.Groups["value"].Value : null;
    }

    /// <summary>Any table of a subgraph, <c>[subgraphs.roles]</c> or a nested <c>[[subgraphs.roles.headers]]</c>.</summary>
    [GeneratedRegex(@"^\[+subgraphs\.(?<name>[A-Za-z0-9_-]+)", RegexOptions.Multiline)]
    private static partial Regex SubgraphTable();

    [GeneratedRegex("""^[ \t]+\w+ @join__graph\(name: "(?<name>[^"]+)", url: "(?<url>[^"]+)"\)""", RegexOptions.Multiline)]
    private static partial Regex JoinGraph();
}
