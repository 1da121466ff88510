using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SubgraphKit.Data;

/// <summary>The database engine every subgraph stores its data in, chosen by <c>DATABASE</c>.</summary>
public enum DatabaseEngine
{
    /// <summary>The embedded default: one file per subgraph, nothing to run.</summary>
    Sqlite,

    /// <summary>One database per subgraph on a PostgreSQL server, which several replicas can share.</summary>
    Postgres,
}

/// <summary>
/// Registers a subgraph's DbContext factory on the engine <c>DATABASE</c> names (sqlite, the default,
/// or postgres). The model, the queries and the code that uses them are the same on both; what
/// differs is confined to the provider's options here, the migrations, and a few statements the kit
/// writes per engine (search, seeding's lock, constraint errors).
/// <para>
/// Each engine has its own migrations, so each has its own context type: EF finds a context's
/// migrations by its exact type. The subgraph's context (RolesDb) carries SQLite's; its one subclass
/// in the same assembly (RolesPostgresDb, empty) carries PostgreSQL's. Resolvers keep asking for
/// <c>IDbContextFactory&lt;RolesDb&gt;</c> and get the subclass on PostgreSQL.
/// </para>
/// </summary>
public static class SubgraphDatabase
{
    /// <summary>The configuration key (an environment variable) that selects the engine.</summary>
    public const string Variable = "DATABASE";

    /// <summary>
    /// The connection string of a PostgreSQL server without a database: each subgraph without a
    /// connection string of its own uses its own database there, named after it ("roles").
    /// </summary>
    public const string SharedServer = "Postgres";

    private static readonly SqliteConnectionSettings SqliteSettings = new();

    public static DatabaseEngine GetDatabaseEngine(this IConfiguration configuration) => configuration[Variable]?.ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseEngine.Sqlite,
        "postgres" or "postgresql" => DatabaseEngine.Postgres,
        var other => throw new InvalidOperationException($"{Variable}={other} is not an engine this project runs on; use sqlite (the default) or postgres."),
    };

    /// <summary>
    /// A pooled factory of <typeparamref name="TDbContext"/> on the configured engine, with every
    /// <see cref="IInterceptor"/> in DI attached (tests count, delay and fail SQL commands with them).
    /// </summary>
    public static void AddSubgraphDatabase<TDbContext>(this WebApplicationBuilder builder, string name)
        where TDbContext : DbContext
    {
        if (builder.Configuration.GetDatabaseEngine() == DatabaseEngine.Sqlite)
        {
            var connectionString = builder.Configuration.GetConnectionString(name)
                ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, name.ToLowerInvariant() + ".db")}";

            // A batch's keys go as one JSON parameter read with json_each, so one statement serves every
            // batch size. EF 10's default sends one parameter per key, and re-processes the SQL for each
            // new count: that was a fifth of an _entities request's CPU, and a plan per size.
            builder.Services.AddPooledDbContextFactory<TDbContext>((provider, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(provider.GetServices<IInterceptor>().Prepend(SqliteSettings)));
            return;
        }

        var postgresContext = typeof(TDbContext).Assembly.GetTypes().SingleOrDefault(type => type.IsSubclassOf(typeof(TDbContext)))
            ?? throw new InvalidOperationException(
                $"{Variable}=postgres needs a subclass of {typeof(TDbContext).Name} in its assembly to carry PostgreSQL's migrations (see SubgraphDatabase).");
        typeof(SubgraphDatabase).GetMethod(nameof(AddPostgres), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(typeof(TDbContext), postgresContext)
            .Invoke(null, [builder, PostgresConnectionString(builder.Configuration, name)]);
    }

    private static void AddPostgres<TDbContext, TPostgresContext>(WebApplicationBuilder builder, string connectionString)
        where TDbContext : DbContext
        where TPostgresContext : TDbContext
    {
        // A batch's keys go as one array parameter (= ANY(@keys), and && for link columns), one statement per batch size.
        builder.Services.AddPooledDbContextFactory<TPostgresContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            // EF logs a failed open as an error, and its first migration opens a database that is not there
            // yet, to learn that it must create it. A real outage is logged where it fails a request.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Information)))
            .AddInterceptors(provider.GetServices<IInterceptor>().Prepend(CaseInsensitiveLike.Instance)));
        builder.Services.AddSingleton<IDbContextFactory<TDbContext>, BaseTypeFactory<TDbContext, TPostgresContext>>();
        builder.Services.AddScoped<TDbContext>(provider => provider.GetRequiredService<IDbContextFactory<TPostgresContext>>().CreateDbContext());
    }

    private static string PostgresConnectionString(IConfiguration configuration, string name)
    {
        if (configuration.GetConnectionString(name) is { Length: > 0 } own)
        {
            return own;
        }

        var server = configuration.GetConnectionString(SharedServer)
            ?? throw new InvalidOperationException(
                $"{Variable}=postgres needs ConnectionStrings__{name} (this subgraph's database) or ConnectionStrings__{SharedServer} (a server, where it uses the database '{name.ToLowerInvariant()}').");
        return new NpgsqlConnectionStringBuilder(server) { Database = name.ToLowerInvariant() }.ConnectionString;
    }

    /// <summary>Hands out the PostgreSQL context where the subgraph's code asks for its own type.</summary>
    private sealed class BaseTypeFactory<TDbContext, TPostgresContext>(IDbContextFactory<TPostgresContext> contexts) : IDbContextFactory<TDbContext>
        where TDbContext : DbContext
        where TPostgresContext : TDbContext
    {
        public TDbContext CreateDbContext() => contexts.CreateDbContext();

        public async Task<TDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await contexts.CreateDbContextAsync(cancellationToken);
    }
}
