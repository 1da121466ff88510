using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SubgraphKit.Data;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>The web page over the graph (clients/web) at the gateway's /, as a reader walks it in Chromium.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class WebPageTests(SupergraphFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_reader_goes_from_the_comparison_table_through_a_search_for_BFF_to_the_term_a_pattern_and_a_role()
    {
        var walk = await WebWalk.RunAsync(system.GatewayUrl, "real", output);
        output.WriteLine($"time to first render (the comparison table on screen): {walk.Report["firstRenderMs"]} ms; first contentful paint {walk.Report["firstContentfulPaintMs"]} ms, "
            + $"app.js loaded at {walk.Report["scriptLoadedMs"]} ms, the table's request from {walk.Report["tableRequestMs"]![0]} to {walk.Report["tableRequestMs"]![1]} ms");

        WebWalk.AssertTheArticlesWalk(walk);
        var term = walk.Step("term");
        Assert.Equal("Backend for Frontend (BFF)", term.Heading);
        Assert.Equal(["API-First Developer", "Backend Developer"], term.Links("perspectives").Order(StringComparer.Ordinal));
        Assert.Contains("Backend for Frontend (BFF)", term.Links("patterns"));
        Assert.Contains("GraphQL Federation", term.Links("related-terms"));
        Assert.Equal("Backend for Frontend (BFF)", walk.Step("pattern").Heading);
        Assert.All(walk.Steps, step => Assert.Empty(step.Notices));
    }

    [Fact]
    public async Task The_gateway_serves_the_page_at_root_and_banana_cake_pop_stays_at_graphql()
    {
        using var root = await system.Gateway.GetAsync("/");
        var html = await root.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        foreach (var asset in WebWalk.Scripts(html))
        {
            using var script = await system.Gateway.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }

        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.Accept.ParseAdd("text/html");
        using var bcp = await system.Gateway.SendAsync(ide);
        Assert.Contains("<title>Banana Cake Pop</title>", await bcp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void First_page_load_is_under_100_KB_of_JavaScript_gzipped()
    {
        var dist = WebWalk.Dist();
        var scripts = WebWalk.Scripts(File.ReadAllText(Path.Combine(dist, "index.html")));
        Assert.NotEmpty(scripts);

        var gzipped = scripts.Sum(script => WebWalk.GzippedSize(Path.Combine(dist, script.TrimStart('/'))));

        output.WriteLine($"{string.Join(", ", scripts)}: {gzipped / 1024.0:0.0} KB gzipped");
        Assert.True(gzipped < 100 * 1024, $"the first page load takes {gzipped} bytes of JavaScript gzipped");
    }
}

/// <summary>
/// The same walk with the glossary served from its contract (gateway/mock-subgraph.mjs) beside the real roles and
/// patterns: the page is built against the contract, not against the glossary's data.
/// </summary>
public sealed class WebPageWithGlossaryMockedTests(WebPageWithGlossaryMockedTests.GlossaryMocked system, ITestOutputHelper output)
    : IClassFixture<WebPageWithGlossaryMockedTests.GlossaryMocked>
{
    [Fact]
    public async Task A_reader_walks_from_the_table_through_BFF_to_a_role_with_the_glossary_mocked()
    {
        var walk = await WebWalk.RunAsync(system.GatewayUrl, "glossary-mocked", output);

        WebWalk.AssertTheArticlesWalk(walk);
        Assert.All(walk.Steps, step => Assert.Empty(step.Notices));
    }

    /// <summary>The system with the gateway's glossary URL on a mock of its contract, started by the fixture.</summary>
    public sealed class GlossaryMocked : SupergraphFixture
    {
        private ServiceProcess? _mock;

        protected override async Task<string> GatewayRouteToAsync(string name)
        {
            if (name != "Glossary")
            {
                return await base.GatewayRouteToAsync(name);
            }

            var url = new Uri($"http://127.0.0.1:{FreePorts(1)[0]}/");
            _mock = new ServiceProcess("glossary mock", "node", [Repo.Path("gateway", "mock-subgraph.mjs"), "glossary", url.Port.ToString(CultureInfo.InvariantCulture)], Repo.Root, new Dictionary<string, string>());
            await _mock.WaitReadyAsync(new Uri(url, "health/ready"));
            return new Uri(url, "graphql").ToString();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            _mock?.Dispose();
        }
    }
}

/// <summary>A system of its own, because the test stops the glossary.</summary>
public sealed class WebPageWithGlossaryStoppedTests(WebPageWithGlossaryStoppedTests.OwnSystem system, ITestOutputHelper output)
    : IClassFixture<WebPageWithGlossaryStoppedTests.OwnSystem>
{
    [Fact]
    public async Task A_role_page_still_renders_the_role_and_says_the_glossary_is_missing()
    {
        system.StopSubgraph("Glossary");

        var walk = await WebWalk.RunAsync(system.GatewayUrl, "glossary-stopped", output, "#/role/backend-developer");

        var role = Assert.Single(walk.Steps);
        Assert.Equal("Backend Developer", role.Heading);
        Assert.Contains("Monolithic Architecture", role.Links("favoured-patterns"));
        Assert.NotEmpty(role.Links("tools"));
        Assert.Contains("responsibilities", role.Sections);
        Assert.DoesNotContain("term-perspectives", role.Sections);
        var notice = Assert.Single(role.Notices);
        Assert.StartsWith("The glossary is unavailable: ", notice, StringComparison.Ordinal);
        Assert.Contains("term perspectives", notice, StringComparison.Ordinal);
        Assert.True(walk.Report["requests"]!["byIdOnly"]!.GetValue<bool>());
    }

    public sealed class OwnSystem : SupergraphFixture;
}

/// <summary>clients/web/walk.mjs run against a gateway, and its report.</summary>
public sealed record WebWalk(JsonNode Report, IReadOnlyList<WebWalk.Page> Steps)
{
    public Page Step(string name) => Steps.Single(step => step.Name == name);

    /// <summary>clients/web/dist, which ./test.sh and ./run.sh build before the gateway starts.</summary>
    public static string Dist()
    {
        var dist = Repo.Path("clients", "web", "dist");
        Assert.True(File.Exists(Path.Combine(dist, "index.html")),
            $"{dist} is missing: build the page with `npm ci` in clients/ and `node clients/web/build.mjs` (./test.sh does both).");
        return dist;
    }

    /// <summary>The scripts a page's HTML loads.</summary>
    public static IReadOnlyList<string> Scripts(string html) =>
        [.. Regex.Matches(html, "<script[^>]*\\ssrc=\"([^\"]+)\"").Select(match => "/" + match.Groups[1].Value.TrimStart('/'))];

    public static long GzippedSize(string path)
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(path));
        }

        return gzipped.Length;
    }

    /// <summary>
    /// Runs the walk (or, with <paramref name="route"/>, that one page) in Chromium, its screenshots under
    /// artifacts/web-walk/&lt;database&gt;/<paramref name="scenario"/> beside the test binary, and fails with its
    /// output if it fails.
    /// </summary>
    public static async Task<WebWalk> RunAsync(Uri gateway, string scenario, ITestOutputHelper output, string? route = null)
    {
        Dist();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "web-walk", TestDatabase.Engine.ToString().ToLowerInvariant(), scenario);
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var run = await Command.RunAsync("node", [Repo.Path("clients", "web", "walk.mjs"), gateway.ToString(), screenshots, .. route is null ? Array.Empty<string>() : [route]],
            Repo.Path("clients"), new Dictionary<string, string> { ["BROWSER_TIMEOUT_SECONDS"] = "180" });

        Assert.True(run.ExitCode == 0, "the walk failed:\n" + run.Output);
        var report = JsonNode.Parse(run.StandardOutput.Trim().Split('\n')[^1])!;
        var steps = report["steps"]!.AsArray().Select(step => new Page(step!)).ToList();
        foreach (var step in steps)
        {
            output.WriteLine($"{step.Name}: {step.Heading} ({step.Screenshot})");
            Assert.True(File.Exists(step.Screenshot), $"no screenshot of {step.Name} at {step.Screenshot}");
        }

        Assert.Empty(report["pageErrors"]!.AsArray());
        return new WebWalk(report, steps);
    }

    /// <summary>
    /// What the whole walk must show, whichever subgraphs answered: the table in the article's words, a
    /// visible focus ring, a phone-width page without sideways scrolling, and the path BFF → term →
    /// pattern → role, every request by persisted id.
    /// </summary>
    public static void AssertTheArticlesWalk(WebWalk walk)
    {
        var report = walk.Report;
        Assert.Equal(["home", "home-phone", "search-bff", "term", "pattern", "role"], walk.Steps.Select(step => step.Name));

        // The columns come in the graph's order of the roles (by name), not the article's.
        var table = report["table"]!;
        var columns = table["columns"]!.AsArray().Select(column => column!.GetValue<string>()).ToList();
        Assert.Equal("Aspect", columns[0]);
        Assert.Equal(["API-First Developer", "Backend Developer"], columns.Skip(1).Order(StringComparer.Ordinal));
        var rows = table["rows"]!.AsArray();
        Assert.Equal(
            ["Architecture Focus", "Development Approach", "Collaboration", "Testing Strategy", "Scalability", "Tooling", "Advantages", "Challenges"],
            rows.Select(row => row!["aspect"]!.GetValue<string>()));
        Assert.All(rows, row => Assert.Equal(2, row!["cells"]!.AsArray().Count));
        string Cell(int row, string role) => rows[row]!["cells"]![columns.IndexOf(role) - 1]!.GetValue<string>();
        Assert.Equal("Unit and integration tests within backend code", Cell(3, "Backend Developer"));
        Assert.Equal("Contract testing, mock servers, API validation tools", Cell(3, "API-First Developer"));
        Assert.Equal("API design tools (Swagger Hub, Postman), contract management", Cell(5, "API-First Developer"));
        var home = walk.Step("home");
        Assert.Equal("Backend Developer vs API-First Developer", home.Heading);
        Assert.Contains("API-First Developer", home.Links("comparison"));

        var firstRender = report["firstRenderMs"]!.GetValue<double>();
        Assert.InRange(firstRender, 1, 10_000);
        Assert.DoesNotContain("none", report["focusRing"]!["outline"]!.GetValue<string>(), StringComparison.Ordinal);
        var phone = report["phone"]!;
        Assert.True(phone["contentWidth"]!.GetValue<int>() <= phone["width"]!.GetValue<int>(), $"the page is wider than a phone: {phone.ToJsonString()}");

        var search = walk.Step("search-bff");
        Assert.Equal("Search results for “BFF”", search.Heading);
        var found = search.Sections["results"]!["links"]!.AsArray();
        Assert.Contains(found, link => link!["href"]!.GetValue<string>().StartsWith("#/term/", StringComparison.Ordinal));

        var term = walk.Step("term");
        Assert.NotNull(term.Heading);
        Assert.Contains("perspectives", term.Sections);
        Assert.NotEmpty(term.Links("related-terms"));
        var pattern = walk.Step("pattern");
        Assert.Contains(pattern.Heading, term.Links("patterns"));
        var role = walk.Step("role");
        Assert.Contains(role.Heading, pattern.Links("role-stances"));
        Assert.Contains(role.Heading, columns.Skip(1));
        Assert.NotEmpty(role.Links("favoured-patterns"));

        Assert.True(report["requests"]!["count"]!.GetValue<int>() >= walk.Steps.Count, report["requests"]!.ToJsonString());
        Assert.True(report["requests"]!["byIdOnly"]!.GetValue<bool>(), "a request carried query text instead of a persisted document id");
    }

    /// <summary>One page of the walk as the browser showed it.</summary>
    public sealed class Page(JsonNode step)
    {
        public string Name { get; } = step["name"]!.GetValue<string>();

        public string? Heading { get; } = step["heading"]?.GetValue<string>();

        public string Screenshot { get; } = step["screenshot"]!.GetValue<string>();

        public IReadOnlyList<string> Notices { get; } = [.. step["notices"]!.AsArray().Select(notice => notice!.GetValue<string>())];

        /// <summary>The page's sections by id, each with its heading, links and text.</summary>
        public JsonObject Sections { get; } = step["sections"]!.AsObject();

        /// <summary>The texts of a section's links; none when the page has no such section.</summary>
        public IReadOnlyList<string> Links(string section) =>
            Sections[section]?["links"]?.AsArray().Select(link => link!["text"]!.GetValue<string>()).ToList() ?? [];
    }
}
