using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>Banana Cake Pop at the gateway's /graphql, as a person opening it in a browser sees it.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class BananaCakePopTests(SupergraphFixture system)
{
    [Fact]
    public async Task Browser_get_of_graphql_serves_banana_cake_pop_with_telemetry_off()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var html = await system.Gateway.SendAsync(page);
        var body = await html.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<base href=\"/graphql/\"", body, StringComparison.Ordinal);
        Assert.Contains("<title>Banana Cake Pop</title>", body, StringComparison.Ordinal);

        var config = JsonNode.Parse(await system.Gateway.GetStringAsync("/graphql/bcp-config.json"))!;
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Banana_cake_pop_loads_introspects_and_shows_a_query_result_in_chromium()
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "banana-cake-pop.png");
        var check = await Command.RunAsync("node", ["browser-check.mjs", system.GatewayUrl.ToString(), screenshot], Repo.Path("gateway"),
            new Dictionary<string, string> { ["BROWSER_TIMEOUT_SECONDS"] = "180", ["BROWSER_QUERY"] = "{ role(slug: \"backend-developer\") { name favouredPatterns { name } } }" });

        Assert.True(check.ExitCode == 0, "browser check failed:\n" + check.Output);
        var report = JsonNode.Parse(check.StandardOutput.Trim().Split('\n')[^1])!;
        Assert.True(report["loaded"]!.GetValue<bool>());
        Assert.True(report["introspected"]!.GetValue<bool>());
        var shown = report["responseText"]!.GetValue<string>();
        Assert.Contains("Backend Developer", shown, StringComparison.Ordinal);
        Assert.Contains("Monolithic Architecture", shown, StringComparison.Ordinal);
        Assert.True(File.Exists(screenshot), "the screenshot artifact is missing");
    }
}
