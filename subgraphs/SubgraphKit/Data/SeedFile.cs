using System.Text.Json;
using System.Text.Json.Serialization;

namespace SubgraphKit.Data;

/// <summary>
/// Reads a subgraph's content files (Data/Seed/*.json, copied next to the binary). Content lives in
/// these files, not in code, so fixing a sentence of the article never needs a C# change.
/// </summary>
public static class SeedFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public static IReadOnlyList<T> Read<T>(string fileName) => Read<T>(Directory, fileName);

    public static IReadOnlyList<T> Read<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, Options)
            ?? throw new InvalidDataException($"{path} must hold a JSON array.");
    }
}
