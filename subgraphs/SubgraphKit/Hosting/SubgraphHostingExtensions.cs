using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SubgraphKit.Auth;
using SubgraphKit.Batching;
using SubgraphKit.Data;
using SubgraphKit.Errors;
using SubgraphKit.Execution;
using SubgraphKit.Http;
using SubgraphKit.Limits;
using SubgraphKit.Listing;
using SubgraphKit.Provenance;
using SubgraphKit.Search;
using SubgraphKit.Telemetry;

namespace SubgraphKit.Hosting;

/// <summary>Everything the three subgraph services have in common, so each Program.cs reads as a table of contents.</summary>
public static class SubgraphHostingExtensions
{
    /// <summary>
    /// The Apollo Federation version every subgraph links (@link(url: ".../federation/v2.9")): 2.9 for
    /// the demand-control directives @cost and @listSize, linked from their own spec and composed with
    /// @composeDirective (Limits/DemandControl.cs).
    /// </summary>
    public const string FederationVersion = "2.9";

    /// <summary>
    /// Registers one subgraph: its database (SQLite or PostgreSQL, connection string <paramref name="name"/>), the
    /// migrations and seeding, the GraphQL schema with federation, its batch loaders and health checks.
    /// </summary>
    public static WebApplicationBuilder AddSubgraph<TSchema, TDbContext, TSeeder>(this WebApplicationBuilder builder, string name)
        where TSchema : Schema
        where TDbContext : DbContext
        where TSeeder : class, ISubgraphSeeder<TDbContext>
    {
        // Without --urls (./run.sh and the tests pass one), the port is subgraphs/subgraphs.json's, the one list of them.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{SubgraphRegistry.Named(name).Port}");
        }

        var services = builder.Services;

        // A pooled factory, not a scoped context: GraphQL.NET resolves sibling fields in parallel, so each
        // resolver and each batch opens its own short-lived context (see STACK-NOTES on Npgsql). Pooled,
        // because a new DbContext builds its own internal service scope (about 50 services), which the
        // profile of a list query showed as a tenth of its CPU; a pooled one is reset and reused.
        builder.AddSubgraphDatabase<TDbContext>(name);
        services.AddSingleton<ISubgraphSeeder<TDbContext>, TSeeder>();
        services.AddHostedService<DatabaseInitializer<TDbContext>>();
        services.AddHostedService<IdleMemoryTrim>();
        services.AddHealthChecks().AddDbContextCheck<TDbContext>(name: "database", tags: ["ready"]);

        builder.AddWriteAccess();
        builder.AddOpenTelemetryExport(name.ToLowerInvariant()).AddJsonLogsIfConfigured();
        services.Configure<GraphQLHttpOptions>(builder.Configuration.GetSection(GraphQLHttpOptions.Section));

        // On SIGTERM Kestrel stops accepting and waits this long for requests in flight: longer than
        // the gateway's upstream timeout (5 s), so any call the gateway still waits for can finish.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddBatchLoaders(typeof(TSchema).Assembly);
        services.AddListingGraphTypes();
        services.AddSearchIndexes<TDbContext>(typeof(TSchema).Assembly);

        var mode = builder.Configuration.GraphMode();
        services.Configure<RequestLimits>(builder.Configuration.GetSection(RequestLimits.Section));
        services.AddHttpContextAccessor();
        services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<TSchema>()
                .AddSystemTextJson()
                .AddFederation(FederationVersion, DemandControl.ImportComposeDirective)
                .ConfigureSchema(DemandControl.LinkCostSpec)
                .ConfigureExecution<ValidatedDocumentCache>()
                .AddGraphTypes(typeof(TSchema).Assembly)
                .AddGraphTypes(typeof(ArticleSectionType).Assembly)
                .AddErrorInfoProvider(provider => new ClientErrorInfoProvider(mode, provider.GetRequiredService<IHttpContextAccessor>()))
                .AddUnhandledExceptionHandler(context => UnexpectedErrors.Handle(context, mode))
                .AddValidationRule<OperationTypeInSchemaRule>()
                .AddRequestLimits()
                .UseOperationSpans(builder.Configuration);
            graphQL.Services.Register<IDocumentValidator>(
                _ => new VariableFreeValidationCache(new DocumentValidator()), GraphQL.DI.ServiceLifetime.Singleton, replace: true);

            // __schema and __type; __typename stays, the gateway selects it in every subgraph request.
            // The federation SDL is a field of Query (_service { sdl }), so composition is unaffected.
            if (mode == GraphMode.Production)
            {
                graphQL.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });

        return builder;
    }

    /// <summary>Maps the GraphQL endpoint and the liveness (/health/live) and readiness (/health/ready) probes.</summary>
    public static WebApplication MapSubgraph(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        var path = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value.Path;
        app.UseAuthentication();
        app.Map(path, endpoint.HandleAsync);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>
    /// Runs the service, or, for <c>schema export --output &lt;file&gt;</c>, writes the subgraph SDL and
    /// exits without starting the server or touching the database (like HotChocolate's RunWithGraphQLCommands);
    /// <c>token</c> prints a development bearer token instead.
    /// </summary>
    public static async Task RunSubgraphAsync(this WebApplication app, string[] args)
    {
        if (SchemaExportCommand.TryParse(args, out var command))
        {
            Environment.ExitCode = await command.RunAsync(app.Services);
            return;
        }

        if (TokenCommand.TryParse(args, out var token))
        {
            Environment.ExitCode = token.Run(app.Configuration);
            return;
        }

        await app.RunAsync();
    }

    // GraphQL.NET resolves graph types from DI; the kit's generic ones are made per listing and node type.
    private static void AddListingGraphTypes(this IServiceCollection services)
    {
        services.AddTransient(typeof(FilterInputType<>));
        services.AddTransient(typeof(SortInputType<>));
        services.AddTransient(typeof(EnumOperationFilterInputType<>));
        services.AddTransient(typeof(EntityConnectionType<>));
    }

    private static void AddBatchLoaders(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && IsBatchLoader(t)))
        {
            services.AddScoped(type);
        }
    }

    /// <summary>The subgraph's <see cref="SearchIndex{TDbContext}"/>, if it has one, by its own type and the base.</summary>
    private static void AddSearchIndexes<TDbContext>(this IServiceCollection services, System.Reflection.Assembly assembly)
        where TDbContext : DbContext
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(SearchIndex<TDbContext>))))
        {
            services.AddSingleton(type);
            services.AddSingleton(typeof(SearchIndex<TDbContext>), provider => provider.GetRequiredService(type));
        }
    }

    private static bool IsBatchLoader(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(BatchLoader<,>))
            {
                return true;
            }
        }

        return false;
    }
}
