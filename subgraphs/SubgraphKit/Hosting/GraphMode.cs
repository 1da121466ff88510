using Microsoft.Extensions.Configuration;

namespace SubgraphKit.Hosting;

/// <summary>
/// The one switch of the whole system (subgraphs and gateway): <c>GRAPH_MODE=production|development</c>.
/// Production turns introspection and "did you mean" suggestions off and masks unexpected errors
/// behind a correlation id; development keeps introspection and suggestions, and shows exception details.
/// </summary>
public enum GraphMode
{
    Production,
    Development,
}

public static class GraphModeConfiguration
{
    /// <summary>The environment variable (and configuration key) that every process of the system reads.</summary>
    public const string Variable = "GRAPH_MODE";

    /// <summary>
    /// The mode configured, or <see cref="GraphMode.Production"/> when none is: a process started
    /// without the variable must not expose the schema. ./run.sh passes development unless told otherwise.
    /// </summary>
    public static GraphMode GraphMode(this IConfiguration configuration)
    {
        var value = configuration[Variable];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "production" => Hosting.GraphMode.Production,
            "development" => Hosting.GraphMode.Development,
            _ => throw new InvalidOperationException($"{Variable}='{value}' is not a mode: use 'production' or 'development'."),
        };
    }
}
