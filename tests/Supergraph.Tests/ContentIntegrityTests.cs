using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// Referential integrity across the three databases, checked where the content lives: the data
/// files. Keys cross subgraphs as slugs, so a typo there would surface as a null in the gateway.
/// </summary>
public sealed class ContentIntegrityTests
{
    private static readonly Dictionary<string, JsonArray> Files = new()
    {
        ["roles"] = Read("Roles", "roles.json"),
        ["aspects"] = Read("Roles", "comparison-aspects.json"),
        ["tools"] = Read("Roles", "tools.json"),
        ["patterns"] = Read("Patterns", "patterns.json"),
        ["stances"] = Read("Patterns", "role-stances.json"),
        ["practices"] = Read("Patterns", "practices.json"),
        ["terms"] = Read("Glossary", "terms.json"),
    };

    /// <summary>(file, field, file whose slugs it references): every link in the content.</summary>
    public static TheoryData<string, string, string> Links => new()
    {
        { "tools", "roles", "roles" },
        { "aspects", "stances.*", "roles" },
        { "patterns", "relatedTerms", "terms" },
        { "stances", "role", "roles" },
        { "stances", "pattern", "patterns" },
        { "practices", "roles", "roles" },
        { "practices", "patterns", "patterns" },
        { "practices", "tools", "tools" },
        { "practices", "relatedTerms", "terms" },
        { "terms", "relatedTerms", "terms" },
        { "terms", "patterns", "patterns" },
        { "terms", "perspectives.*", "roles" },
    };

    public static TheoryData<string> FileNames => [.. Files.Keys];

    [Theory]
    [MemberData(nameof(Links))]
    public void Every_link_points_at_an_existing_record(string file, string field, string target)
    {
        var slugs = Files[target].Select(record => record!["slug"]!.GetValue<string>()).ToHashSet();

        var dangling = Files[file]
            .SelectMany(record => KeysIn(record!, field).Select(key => (From: record!["slug"]?.GetValue<string>() ?? record!.ToJsonString(), Key: key)))
            .Where(link => !slugs.Contains(link.Key))
            .Select(link => $"{link.From} -> {link.Key}")
            .ToList();

        Assert.True(dangling.Count == 0, $"{file}.{field} names {target} that do not exist: {string.Join(", ", dangling)}");
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_record_names_an_article_section_that_exists(string file)
    {
        var headings = JsonNode.Parse(File.ReadAllText(Repo.Path("docs", "article-sections.json")))!.AsArray()
            .Select(section => section!["heading"]!.GetValue<string>())
            .ToHashSet();

        var unsourced = Files[file]
            .Where(record => record!["section"]?.GetValue<string>() is not { } heading || !headings.Contains(heading))
            .Select(record => record!["slug"]?.GetValue<string>() ?? record!.ToJsonString())
            .ToList();

        Assert.True(unsourced.Count == 0, $"{file}: records without a valid article section: {string.Join(", ", unsourced)}");
    }

    [Fact]
    public void Slugs_are_unique_within_each_file()
    {
        foreach (var (name, records) in Files.Where(file => file.Value.All(record => record!["slug"] is not null)))
        {
            var duplicates = records.GroupBy(record => record!["slug"]!.GetValue<string>()).Where(group => group.Count() > 1).Select(group => group.Key);
            Assert.Empty(duplicates.Select(slug => $"{name}: {slug}"));
        }
    }

    /// <summary>The slugs a field holds: a string, an array of strings, or (with ".*") an object's keys.</summary>
    private static IEnumerable<string> KeysIn(JsonNode record, string field)
    {
        if (field.EndsWith(".*", StringComparison.Ordinal))
        {
            return record[field[..^2]]!.AsObject().Select(property => property.Key);
        }

        return record[field] switch
        {
            JsonArray array => array.Select(item => item!.GetValue<string>()),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
    }

    private static JsonArray Read(string subgraph, string file) =>
        JsonNode.Parse(File.ReadAllText(Repo.Path("subgraphs", subgraph, "Data", "Seed", file)))!.AsArray();
}
