using Edge.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Edge.WebPage;

/// <summary>
/// The web page over the graph (clients/web) at GET /: the files that clients/web/build.mjs bundles into
/// clients/web/dist, a build output that is never committed. Without them, / says how to build them.
/// </summary>
public static class WebPageEndpoints
{
    private const string Dist = "../clients/web/dist";

    private const string NotBuilt = "The web page is not built: run `node clients/web/build.mjs` (after `npm ci` in clients/), then restart the gateway. The GraphQL IDE is at /graphql.\n";

    public static WebApplication MapWebPage(this WebApplication app)
    {
        var root = GatewayDirectory.Resolve(Dist);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.MapGet("/", () => Results.Text(NotBuilt, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // Revalidated on every load (the ETag makes that cheap): the bundle's names carry no hash.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
