using SubgraphKit.Hosting;

namespace Supergraph.Tests;

/// <summary>
/// The engine composes the subgraphs' SDL itself (grafbase.toml's schema_path), while clients and the
/// checks rely on the committed schema/supergraph.graphql: gateway/compare-api.mjs diffs the two public APIs.
/// </summary>
public sealed class EngineCompositionTests
{
    [Fact]
    public async Task The_engines_own_composition_has_the_public_API_of_the_committed_supergraph()
    {
        var check = await Command.RunAsync("node", [Repo.Path("gateway", "compare-api.mjs")], Repo.Root);

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task The_check_fails_naming_a_field_that_the_engines_composition_lacks()
    {
        // A copy of gateway/ and schema/ as the engine reads them, with Role.careerOutlook renamed in the roles SDL.
        var copy = Directory.CreateTempSubdirectory("engine-composition-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(copy, "gateway"));
            Directory.CreateDirectory(Path.Combine(copy, "schema"));
            File.Copy(Repo.Path("gateway", "grafbase.toml"), Path.Combine(copy, "gateway", "grafbase.toml"));
            foreach (var schema in SubgraphRegistry.All.Select(subgraph => subgraph.Schema))
            {
                File.Copy(Repo.Path(schema), Path.Combine(copy, schema));
            }

            var roles = Path.Combine(copy, "schema", "roles.graphql");
            var sdl = File.ReadAllText(roles);
            Assert.Contains("  careerOutlook: String!", sdl, StringComparison.Ordinal);
            File.WriteAllText(roles, sdl.Replace("  careerOutlook: String!", "  careerProspects: String!", StringComparison.Ordinal));

            var check = await Command.RunAsync("node", [Repo.Path("gateway", "compare-api.mjs"), "--config", Path.Combine(copy, "gateway", "grafbase.toml")], Repo.Root);

            Assert.True(check.ExitCode == 1, check.Output);
            Assert.Contains("BREAKING      Role.careerOutlook: Field 'careerOutlook' was removed", check.Output, StringComparison.Ordinal);
            Assert.Contains("Role.careerProspects", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
