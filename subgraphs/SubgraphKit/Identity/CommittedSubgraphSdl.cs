using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Configuration;
using SubgraphKit.Hosting;

namespace SubgraphKit.Identity;

/// <summary>
/// The subgraphs' SDL, where the subgraph that declares <see cref="NodeInterface"/> learns the other subgraphs'
/// entity types: each file where subgraphs/subgraphs.json puts it (<c>schema/roles.graphql</c>) under
/// <paramref name="repositoryRoot"/>, or, when <see cref="FolderVariable"/> names a folder, that folder's file
/// of the same name: gateway/compose.mjs exports the subgraphs there before it commits them, and a new entity
/// must reach the glossary's SDL in the same run. Register an instance in DI to read another checkout (tests do).
/// </summary>
public sealed class CommittedSubgraphSdl(string repositoryRoot, string? folder = null)
{
    /// <summary>A folder of freshly exported SDL files, read by file name instead of the checkout's.</summary>
    public const string FolderVariable = "SUBGRAPH_SDL_DIR";

    private readonly string? _folder = folder is null ? null : Path.GetFullPath(folder);

    public string RepositoryRoot { get; } = Path.GetFullPath(repositoryRoot);

    /// <summary>The folder <see cref="FolderVariable"/> names, if set; else the checkout this process was built in.</summary>
    public static CommittedSubgraphSdl From(IConfiguration? configuration) =>
        configuration?[FolderVariable] is { Length: > 0 } folder
            ? new CommittedSubgraphSdl(OfThisCheckout().RepositoryRoot, folder)
            : OfThisCheckout();

    /// <summary>The checkout this process was built in, found by walking up from its build output.</summary>
    public static CommittedSubgraphSdl OfThisCheckout()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "subgraphs", "subgraphs.json")))
            {
                return new CommittedSubgraphSdl(directory.FullName);
            }
        }

        // A copy built outside any checkout: reading the first file then fails, naming it.
        return new CommittedSubgraphSdl(AppContext.BaseDirectory);
    }

    /// <summary>
    /// The object types <paramref name="subgraph"/>'s SDL keys by <c>id</c>, in the file's order: its entities,
    /// owned or extended, since every entity's key is its global id (<see cref="GlobalId"/>). The other
    /// subgraphs never mention Node, so the key is what marks an implementation of it.
    /// </summary>
    public IEnumerable<string> EntityTypeNames(RegisteredSubgraph subgraph) =>
        Read(subgraph).Definitions
            .OfType<GraphQLObjectTypeDefinition>()
            .Where(type => type.Directives?.Items.Any(IsKeyOnId) == true)
            .Select(type => type.Name.StringValue);

    private GraphQLDocument Read(RegisteredSubgraph subgraph)
    {
        var path = _folder is null ? Path.Combine(RepositoryRoot, subgraph.Schema) : Path.Combine(_folder, Path.GetFileName(subgraph.Schema));
        try
        {
            return Parser.Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or GraphQLParserException)
        {
            throw new InvalidOperationException(
                $"Cannot read {path}, the {subgraph.Name} subgraph's committed SDL, from which the subgraph that declares Node "
                + $"derives its Node implementations ({exception.Message}). Export it from the repository root: "
                + $"dotnet run --project {subgraph.Project} -- schema export --output {subgraph.Schema}",
                exception);
        }
    }

    private static bool IsKeyOnId(GraphQLDirective directive) =>
        directive.Name.StringValue == "key"
        && directive.Arguments?.Items.Any(argument => argument.Name.StringValue == "fields"
            && argument.Value is GraphQLStringValue fields && fields.Value == "id") == true;
}
