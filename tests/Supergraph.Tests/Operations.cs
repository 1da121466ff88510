namespace Supergraph.Tests;

/// <summary>The operations a frontend ships, from schema/operations/: tests run exactly what clients run.</summary>
public static class Operations
{
    public static string Load(string name) => File.ReadAllText(Repo.Path("schema", "operations", name + ".graphql"));
}
