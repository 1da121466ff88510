using System.Text.Json;
using System.Text.RegularExpressions;

namespace Supergraph.Tests;

/// <summary>The operations a frontend ships, from schema/operations/: tests run exactly what clients run.</summary>
public static partial class Operations
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Manifest = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(ManifestPath))!);

    /// <summary>The typed client's persisted-documents manifest, the one the gateway serves: {"sha256:hex": "document"}.</summary>
    public static string ManifestPath => Repo.Path("clients", "typescript", "src", "generated", "persisted-documents.json");

    public static IReadOnlyDictionary<string, string> PersistedDocuments => Manifest.Value;

    /// <summary>Variables that make each operation of schema/operations/ that needs them show a real record.</summary>
    public static IReadOnlyDictionary<string, object> ExampleVariables { get; } = new Dictionary<string, object>
    {
        ["ComparisonAspectBySlug"] = new { slug = "testing-strategy" },
        ["NodeById"] = new { id = "VGVybTpoYXRlb2Fz" },
        ["Search"] = new { query = "api contract" },
        ["PatternPage"] = new { slug = "backend-for-frontend" },
        ["PracticePage"] = new { slug = "contract-testing" },
        ["RoleComparisonColumn"] = new { slug = "backend-developer" },
        ["RoleOverview"] = new { slug = "api-first-developer" },
        ["RolePage"] = new { slug = "backend-developer" },
        ["RoleToRelatedTerms"] = new { slug = "api-first-developer" },
        ["RoleTools"] = new { slug = "backend-developer" },
        ["TermByAbbreviation"] = new { name = "bff" },
        ["TermPage"] = new { slug = "api" },
        ["ToolPage"] = new { slug = "postman" },
    };

    /// <summary>The names of schema/operations/*.graphql, in order, for theories over every trusted operation.</summary>
    public static TheoryData<string> All() =>
        [.. Directory.GetFiles(Repo.Path("schema", "operations"), "*.graphql").Select(file => Path.GetFileNameWithoutExtension(file)).Order()];

    public static string Load(string name) => File.ReadAllText(Repo.Path("schema", "operations", name + ".graphql"));

    /// <summary>The persisted id ("sha256:hex") the typed client sends for an operation.</summary>
    public static string IdOf(string name) =>
        Manifest.Value.Single(entry => OperationName().Match(entry.Value).Groups["name"].Value == name).Key;

    [GeneratedRegex(@"^(query|mutation|subscription)\s+(?<name>\w+)")]
    private static partial Regex OperationName();
}
