using System.Text.Json;

namespace SubgraphKit.Hosting;

/// <summary>One subgraph as subgraphs/subgraphs.json lists it.</summary>
/// <param name="Name">Its name in the supergraph and in gateway/grafbase.toml, e.g. <c>roles</c>.</param>
/// <param name="Project">Its project folder from the repository root, e.g. <c>subgraphs/Roles</c>.</param>
/// <param name="Port">Its default port on 127.0.0.1.</param>
/// <param name="Schema">Its committed SDL from the repository root, e.g. <c>schema/roles.graphql</c>.</param>
/// <param name="PortVariable">The environment variable that moves its port in ./run.sh.</param>
/// <param name="UrlVariable">The environment variable the gateway reads its GraphQL URL from.</param>
public sealed record RegisteredSubgraph(string Name, string Project, int Port, string Schema, string PortVariable, string UrlVariable)
{
    /// <summary>The project folder's name, which is also its assembly's and its connection string's, e.g. <c>Roles</c>.</summary>
    public string ProjectName => Path.GetFileName(Project);
}

/// <summary>
/// subgraphs/subgraphs.json, embedded at build: the one list of the subgraphs that the scripts, the gateway's
/// tooling and the tests read, so a name, port or schema file is written down once.
/// </summary>
public static class SubgraphRegistry
{
    // Strict, so a subgraph listed without one of its fields fails at start, not with a null later.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Every subgraph, in composition order.</summary>
    public static IReadOnlyList<RegisteredSubgraph> All { get; } = Load();

    /// <summary>The subgraph with this name or project name, in any case (<c>roles</c>, <c>Roles</c>).</summary>
    public static RegisteredSubgraph Named(string name) =>
        All.SingleOrDefault(subgraph => string.Equals(subgraph.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(subgraph.ProjectName, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"subgraphs/subgraphs.json lists no subgraph named {name}.");

    private static List<RegisteredSubgraph> Load()
    {
        using var stream = typeof(SubgraphRegistry).Assembly.GetManifestResourceStream("subgraphs.json")
            ?? throw new InvalidOperationException("subgraphs.json is not embedded in SubgraphKit.");
        var registry = JsonSerializer.Deserialize<RegistryFile>(stream, Json)
            ?? throw new InvalidOperationException("subgraphs/subgraphs.json is empty.");
        return registry.Subgraphs;
    }

    private sealed record RegistryFile(List<RegisteredSubgraph> Subgraphs);
}
