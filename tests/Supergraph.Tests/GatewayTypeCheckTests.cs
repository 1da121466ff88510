namespace Supergraph.Tests;

/// <summary>
/// Hive Gateway strips the types from gateway.config.ts and the plugins without checking them, so a
/// type error reaches a running gateway unnoticed. The TypeScript compiler (a pinned dev dependency of
/// gateway/) checks them here, with gateway/tsconfig.json.
/// </summary>
public sealed class GatewayTypeCheckTests
{
    [Fact]
    public async Task Gateway_config_and_plugins_type_check()
    {
        var compiler = Repo.Path("gateway", "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(compiler), $"{compiler} is missing: run ./test.sh, which installs the gateway's packages.");

        var check = await Command.RunAsync("node", [compiler, "-p", "tsconfig.json"], Repo.Path("gateway"));

        Assert.True(check.ExitCode == 0, check.Output);
    }
}
