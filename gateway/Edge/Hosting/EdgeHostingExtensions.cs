using Edge.BananaCakePop;
using Edge.Engine;
using Edge.Health;
using Edge.Introspection;
using Edge.Requests;
using Edge.WebPage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SubgraphKit.Hosting;
using SubgraphKit.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace Edge.Hosting;

public static class EdgeHostingExtensions
{
    /// <summary>The engine as a child process, the forwarder to it, the request gate and the health checks.</summary>
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var engineOptions = builder.Configuration.GetSection(EngineOptions.Section);
        services.Configure<EngineOptions>(engineOptions);
        services.Configure<EdgeOptions>(builder.Configuration.GetSection(EdgeOptions.Section));

        var config = GatewayDirectory.Resolve(engineOptions.Get<EngineOptions>()?.Config ?? new EngineOptions().Config);
        var subgraphs = SubgraphEndpoints.Read(config, Environment.GetEnvironmentVariable);

        services.AddHttpClient(nameof(UrlHealthCheck), client => client.Timeout = TimeSpan.FromSeconds(2));
        services.AddHttpClient(nameof(GrafbaseEngine), client => client.Timeout = TimeSpan.FromSeconds(2));
        services.AddSingleton<GrafbaseEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<GrafbaseEngine>());
        services.AddHttpForwarder();
        services.AddSingleton<EngineForwarder>();
        var mode = builder.Configuration.GraphMode();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<DocumentChecks>(provider, mode));
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton<GraphQL.IDocumentExecuter, GraphQL.DocumentExecuter>();
        services.AddSingleton<GraphQL.IGraphQLTextSerializer, GraphQL.SystemTextJson.GraphQLSerializer>();
        services.AddSingleton<ContractIntrospection>();
        services.AddSingleton<GraphQLRequestGate>();
        services.AddHealthChecks().AddReadinessChecks(subgraphs);
        builder.AddOpenTelemetryExport("gateway-edge").AddJsonLogsIfConfigured();

        // On SIGTERM Kestrel stops accepting and waits this long for requests in flight (two subgraph
        // timeouts of grafbase.toml: a request whose calls stall on two hops); the engine is stopped after that.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>/ (the web page), /graphql (Banana Cake Pop for browsers, GraphQL for the rest), /healthcheck and /readiness.</summary>
    public static WebApplication MapEdge(this WebApplication app)
    {
        app.MapHealthChecks("/healthcheck", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readiness", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessChecks.Tag) });
        app.MapBananaCakePop();
        app.MapWebPage();
        app.Map("/graphql", app.Services.GetRequiredService<GraphQLRequestGate>().HandleAsync);
        return app;
    }
}
