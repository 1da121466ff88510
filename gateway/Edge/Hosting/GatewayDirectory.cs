namespace Edge.Hosting;

/// <summary>
/// The repository's gateway/ folder (where grafbase.toml and node_modules are), found from the built
/// edge by walking up: the edge runs from its bin/ folder under ./run.sh, the tests and the bench.
/// </summary>
public static class GatewayDirectory
{
    public static string Path { get; } = Find();

    /// <summary>A path relative to gateway/, or an absolute one as it is.</summary>
    public static string Resolve(string path) => System.IO.Path.GetFullPath(path, Path);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "grafbase.toml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("gateway/grafbase.toml not found above " + AppContext.BaseDirectory);
    }
}
