using System.Text.RegularExpressions;

namespace Edge.Engine;

/// <summary>A subgraph the engine calls, as grafbase.toml names it, with its URL after environment substitution.</summary>
public sealed record SubgraphEndpoint(string Name, Uri Url)
{
    /// <summary>The subgraph's readiness probe, beside its GraphQL path (SubgraphKit's /health/ready).</summary>
    public Uri Readiness => new(Url, "/health/ready");
}

/// <summary>
/// Reads the subgraphs from grafbase.toml, so the engine's configuration stays the one list of them:
/// each <c>[subgraphs.NAME]</c> table's <c>url</c>, with <c>{{ env.VAR }}</c> replaced as the engine does.
/// </summary>
public static partial class SubgraphEndpoints
{
    public static IReadOnlyList<SubgraphEndpoint> Read(string configPath, Func<string, string?> environment)
    {
        var endpoints = new List<SubgraphEndpoint>();
        string? current = null;
        foreach (var line in File.ReadLines(configPath).Select(line => line.Trim()))
        {
            if (Table().Match(line) is { Success: true } table)
            {
                current = table.Groups["name"].Success ? table.Groups["name"].Value : null;
            }
            else if (current is not null && Url().Match(line) is { Success: true } url)
            {
                var value = Variable().Replace(url.Groups["value"].Value, variable =>
                    environment(variable.Groups["name"].Value)
                    ?? throw new InvalidOperationException($"{variable.Groups["name"].Value} is not set: {configPath} takes the {current} subgraph's URL from it."));
                endpoints.Add(new SubgraphEndpoint(current, new Uri(value)));
            }
        }

        return endpoints;
    }

    [GeneratedRegex(@"^\[(subgraphs\.(?<name>[A-Za-z0-9_-]+)|[^\]]*)\]")]
    private static partial Regex Table();

    [GeneratedRegex("^url\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex Url();

    [GeneratedRegex(@"\{\{\s*env\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Variable();
}
