using System.Text.Json;

namespace Supergraph.Tests;

/// <summary>
/// The CI checks of gateway/operations.mjs: the trusted operations in schema/operations/ validate
/// against the supergraph's public API, the persisted-documents manifest is keyed by SHA-256, and a
/// breaking change to a subgraph's SDL fails the check with the inspector's message.
/// </summary>
public sealed class OperationChecksTests
{
    [Fact]
    public async Task Every_trusted_operation_validates_against_the_public_api_of_the_committed_supergraph()
    {
        var result = await RunOperationsScript(Repo.Root, "validate");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("operation(s) valid against the API schema of schema/supergraph.graphql", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committed_contract_has_no_unaccepted_breaking_change_since_the_previous_commit()
    {
        var result = await RunOperationsScript(Repo.Root, "breaking");

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Manifest_maps_the_sha256_of_each_trusted_document_to_its_text()
    {
        using var temp = new TempDirectory();
        var manifestFile = Path.Combine(temp.Path, "manifest.json");

        var result = await RunOperationsScript(Repo.Root, "manifest", "--output", manifestFile);

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifestFile))!;
        Assert.Equal(Directory.GetFiles(Repo.Path("schema", "operations"), "*.graphql").Length, manifest.Count);
        Assert.All(manifest, entry => Assert.Equal(
            entry.Key,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(entry.Value)))));
        Assert.Contains(manifest.Values, text => text.Contains("query ComparisonTable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_field_from_a_subgraph_fails_the_breaking_check_with_the_inspectors_message()
    {
        using var repo = await TempSchemaRepository.Create();
        repo.RemoveRoleField("careerOutlook");

        var result = await RunOperationsScript(Repo.Root, "breaking", "--repo", repo.Path, "--base", "HEAD");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("BREAKING: Field 'careerOutlook' was removed from object type 'Role'", result.Output, StringComparison.Ordinal);
        Assert.Contains("schema/accepted-breaking-changes.json", result.Output, StringComparison.Ordinal);
        // RoleOverview asks for careerOutlook, so the trusted operations no longer validate either.
        Assert.Contains("FAIL schema/operations/RoleOverview.graphql", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_breaking_change_that_no_operation_uses_passes_the_breaking_check()
    {
        using var repo = await TempSchemaRepository.Create();
        repo.RemoveRoleField("careerOutlook");
        repo.RemoveOperation("RoleOverview");
        repo.AcceptBreakingChange("Field 'careerOutlook' was removed from object type 'Role'", "no client asks for it");

        var result = await RunOperationsScript(Repo.Root, "breaking", "--repo", repo.Path, "--base", "HEAD");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("breaking (accepted): Field 'careerOutlook' was removed from object type 'Role'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unchanged_schema_passes_the_breaking_check()
    {
        using var repo = await TempSchemaRepository.Create();

        var result = await RunOperationsScript(Repo.Root, "breaking", "--repo", repo.Path, "--base", "HEAD");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("0 change(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var result = await RunOperationsScript(Repo.Root, "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: node gateway/operations.mjs", result.Output, StringComparison.Ordinal);
    }

    private static Task<CommandResult> RunOperationsScript(string workingDirectory, params string[] arguments) =>
        Run("node", [Repo.Path("gateway", "operations.mjs"), .. arguments], workingDirectory);

    private static Task<CommandResult> Run(string fileName, IEnumerable<string> arguments, string workingDirectory) =>
        Command.RunAsync(fileName, arguments, workingDirectory);


    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("operation-checks-").FullName;

        public void Dispose()
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // git makes its objects read-only
            }

            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>A git repository holding a copy of the repo's schema/ folder, committed once.</summary>
    private sealed class TempSchemaRepository : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public string Path => _directory.Path;

        public static async Task<TempSchemaRepository> Create()
        {
            var repo = new TempSchemaRepository();
            CopyDirectory(Repo.Path("schema"), System.IO.Path.Combine(repo.Path, "schema"));
            await repo.Git("init", "--quiet");
            await repo.Git("add", "--all");
            await repo.Git("-c", "user.name=tests", "-c", "user.email=tests@localhost", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "schema");
            return repo;
        }

        /// <summary>Removes a field of Role, and its description line, from the roles subgraph's SDL.</summary>
        public void RemoveRoleField(string field)
        {
            var file = System.IO.Path.Combine(Path, "schema", "roles.graphql");
            var lines = File.ReadAllLines(file).ToList();
            var index = lines.FindIndex(line => line.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
            Assert.True(index > 0, $"{field} not found in schema/roles.graphql");
            var first = lines[index - 1].TrimStart().StartsWith('"') ? index - 1 : index;
            lines.RemoveRange(first, index - first + 1);
            File.WriteAllLines(file, lines);
        }

        public void RemoveOperation(string name) => File.Delete(System.IO.Path.Combine(Path, "schema", "operations", name + ".graphql"));

        public void AcceptBreakingChange(string message, string reason) => File.WriteAllText(
            System.IO.Path.Combine(Path, "schema", "accepted-breaking-changes.json"),
            JsonSerializer.Serialize(new[] { new { message, reason } }));

        public void Dispose() => _directory.Dispose();

        private async Task Git(params string[] arguments)
        {
            var result = await Run("git", arguments, Path);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        private static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(source))
            {
                CopyDirectory(directory, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(directory)));
            }
        }
    }
}
