using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SubgraphKit.Batching;
using SubgraphKit.Data;
using SubgraphKit.Http;
using SubgraphKit.Provenance;
using SubgraphKit.Search;

namespace SubgraphKit.Hosting;

/// <summary>Everything the three subgraph services have in common, so each Program.cs reads as a table of contents.</summary>
public static class SubgraphHostingExtensions
{
    /// <summary>The Apollo Federation version every subgraph links (@link(url: ".../federation/v2.3")).</summary>
    public const string FederationVersion = "2.3";

    /// <summary>
    /// Registers one subgraph: its SQLite database (connection string <paramref name="name"/>), the
    /// migrations and seeding, the GraphQL schema with federation, its batch loaders and health checks.
    /// </summary>
    public static WebApplicationBuilder AddSubgraph<TSchema, TDbContext, TSeeder>(this WebApplicationBuilder builder, string name)
        where TSchema : Schema
        where TDbContext : DbContext
        where TSeeder : class, ISubgraphSeeder<TDbContext>
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(name)
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, name.ToLowerInvariant() + ".db")}";

        // A factory, not a scoped context: GraphQL.NET resolves sibling fields in parallel, so each
        // resolver and each batch opens its own short-lived context (see STACK-NOTES on Npgsql).
        // Interceptors registered in DI (tests count and delay SQL commands with them) are attached here.
        services.AddDbContextFactory<TDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddSingleton<ISubgraphSeeder<TDbContext>, TSeeder>();
        services.AddHostedService<DatabaseInitializer<TDbContext>>();
        services.AddHealthChecks().AddDbContextCheck<TDbContext>(name: "database", tags: ["ready"]);

        services.Configure<GraphQLHttpOptions>(builder.Configuration.GetSection(GraphQLHttpOptions.Section));
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddBatchLoaders(typeof(TSchema).Assembly);
        services.AddSearchIndexes<TDbContext>(typeof(TSchema).Assembly);

        var exposeExceptionDetails = builder.Environment.IsDevelopment();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TSchema>()
            .AddSystemTextJson()
            .AddFederation(FederationVersion)
            .AddGraphTypes(typeof(TSchema).Assembly)
            .AddGraphTypes(typeof(ArticleSectionType).Assembly)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = exposeExceptionDetails));

        return builder;
    }

    /// <summary>Maps the GraphQL endpoint and the liveness (/health/live) and readiness (/health/ready) probes.</summary>
    public static WebApplication MapSubgraph(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        var path = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value.Path;
        app.Map(path, endpoint.HandleAsync);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>
    /// Runs the service, or, for <c>schema export --output &lt;file&gt;</c>, writes the subgraph SDL and
    /// exits without starting the server or touching the database (like HotChocolate's RunWithGraphQLCommands).
    /// </summary>
    public static async Task RunSubgraphAsync(this WebApplication app, string[] args)
    {
        if (SchemaExportCommand.TryParse(args, out var command))
        {
            Environment.ExitCode = await command.RunAsync(app.Services);
            return;
        }

        await app.RunAsync();
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
