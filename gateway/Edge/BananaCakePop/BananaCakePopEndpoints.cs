using Edge.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Edge.BananaCakePop;

/// <summary>
/// Banana Cake Pop, ChilliCream's GraphQL IDE, at GET /graphql for browsers: its static files are read
/// from the npm package @chillicream/bananacakepop-graphql-ide (ChilliCream License 1.0), never copied
/// into the repository. The page is told to use its own URL as the endpoint and to send no telemetry
/// (without that it posts to an outside host).
/// </summary>
public static class BananaCakePopEndpoints
{
    private const string BasePath = "/graphql";

    private static readonly string Config = """{"useBrowserUrlAsEndpoint":true,"disableTelemetry":true,"title":"Backend vs API-First supergraph"}""";

    public static WebApplication MapBananaCakePop(this WebApplication app)
    {
        var root = GatewayDirectory.Resolve("node_modules/@chillicream/bananacakepop-graphql-ide");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            throw new InvalidOperationException($"{root} is missing: run ./run.sh or ./test.sh, which install the gateway's npm packages.");
        }

        // Its assets are relative URLs; the base makes them resolve under /graphql/.
        var index = File.ReadAllText(Path.Combine(root, "index.html"))
            .Replace("<head>", $"<head><base href=\"{BasePath}/\"/>", StringComparison.OrdinalIgnoreCase);

        app.Use((http, next) => IsBrowserPage(http.Request)
            ? Results.Content(index, "text/html; charset=utf-8").ExecuteAsync(http)
            : next(http));
        app.MapGet(BasePath + "/bcp-config.json", () => Results.Content(Config, "application/json; charset=utf-8"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = BasePath });
        return app;
    }

    /// <summary>A browser navigating to /graphql (Accept: text/html); GraphQL clients get the endpoint.</summary>
    private static bool IsBrowserPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path == BasePath || request.Path == BasePath + "/")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
