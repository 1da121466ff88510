using System.Text.Json;

namespace Supergraph.Tests;

/// <summary>
/// The CI checks of gateway/operations.mjs: the trusted operations in schema/operations/ validate
/// against the supergraph's public API, and a breaking change to a subgraph's SDL fails the check with the inspector's message.
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
        await FetchThePreviousCommitIfShallow(Repo.Root);

        var result = await RunOperationsScript(Repo.Root, "breaking");

        Assert.True(result.ExitCode == 0, result.Output);
        // The script exits 0 when it skips (no base, or a base without schema/): only a comparison passes.
        Assert.Contains("breaking: comparing the public API schema of ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", result.Output, StringComparison.Ordinal);
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

    /// <summary>
    /// CI checks out shallowly (one commit), where HEAD~1 is missing and the breaking check has nothing to
    /// compare with; like a pipeline that gates on breaking changes, this fetches the previous commit, and
    /// fails, never skips, when it cannot be had.
    /// </summary>
    private static async Task FetchThePreviousCommitIfShallow(string repo)
    {
        if (await HasPreviousCommit(repo))
        {
            return;
        }

        var shallow = await Run("git", ["rev-parse", "--is-shallow-repository"], repo);
        Assert.True(shallow.StandardOutput.Trim() == "true", "HEAD has no parent, so there is no previous contract to compare with: " + shallow.Output);
        // Without a remote, git fetch does nothing and still exits 0: only HEAD~1 itself says it worked.
        var fetch = await Run("git", ["fetch", "--deepen=1", "--quiet"], repo);
        Assert.True(fetch.ExitCode == 0 && await HasPreviousCommit(repo), "a shallow clone without HEAD~1, and `git fetch --deepen=1` could not fetch it (clone with --depth 2 or more):\n" + fetch.Output);
    }

    private static async Task<bool> HasPreviousCommit(string repo) =>
        (await Run("git", ["rev-parse", "--verify", "--quiet", "HEAD~1^{commit}"], repo)).ExitCode == 0;

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
