using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SubgraphKit.Entities;
using SubgraphKit.Hosting;
using SubgraphKit.Identity;

namespace Glossary.Tests;

/// <summary>
/// The glossary declares Node, so it must implement it for every entity of the supergraph. It finds
/// the other subgraphs' entities in their committed SDL: a new one needs no edit here.
/// </summary>
public sealed class GlossaryNodeStubTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    [Fact]
    public async Task Node_is_implemented_by_the_entities_of_the_other_subgraphs_committed_sdl_and_by_its_own()
    {
        var others = OtherSubgraphs.SelectMany(subgraph => EntitiesIn(File.ReadAllText(Path.Combine(RepositoryRoot, subgraph.Schema))));

        var sdl = await factory.CreateClient().SubgraphSdlAsync();

        Assert.NotEmpty(others);
        Assert.Equal(others.Union(OwnedNodes(factory.Services)).Order(), NodeImplementations(sdl).Order());
    }

    [Fact]
    public async Task A_new_entity_type_in_another_subgraphs_sdl_implements_node_here_with_no_edit_to_the_glossary()
    {
        using var checkout = new TempCheckout();
        File.AppendAllText(checkout.SchemaOf("patterns"), "\ntype Certification @key(fields: \"id\") {\n  id: ID!\n}\n");
        using var subgraph = new SubgraphFactory<Program>();
        using var glossary = subgraph.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(new CommittedSubgraphSdl(checkout.Root))));
        var client = glossary.CreateClient();
        var id = GlobalId.Encode("Certification", "graphql-associate");

        var sdl = await client.SubgraphSdlAsync();
        var node = GraphQLAssert.Data(await client.PostGraphQLAsync("query ($id: ID!) { node(id: $id) { __typename id } }", new { id }))["node"];

        Assert.Contains("Certification", NodeImplementations(sdl));
        Assert.Contains("Certification", EntitiesIn(sdl));
        Assert.Equal("Certification", node?["__typename"]?.GetValue<string>());
        Assert.Equal(id, node?["id"]?.GetValue<string>());
    }

    [Fact]
    public void A_schema_file_that_cannot_be_read_is_an_error_that_names_it_and_how_to_export_it()
    {
        var patterns = SubgraphRegistry.Named("patterns");
        using var checkout = new TempCheckout();
        File.Delete(checkout.SchemaOf("patterns"));
        using var subgraph = new SubgraphFactory<Program>();
        using var glossary = subgraph.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(new CommittedSubgraphSdl(checkout.Root))));

        var error = Assert.Throws<InvalidOperationException>(() => glossary.Services.GetRequiredService<ISchema>());

        Assert.Contains(Path.Combine(checkout.Root, patterns.Schema), error.Message, StringComparison.Ordinal);
        Assert.Contains($"dotnet run --project {patterns.Project} -- schema export --output {patterns.Schema}", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<RegisteredSubgraph> OtherSubgraphs => SubgraphRegistry.All.Where(subgraph => subgraph.Name != "glossary");

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Federation.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<GraphQLObjectTypeDefinition> ObjectTypes(string sdl) =>
        Parser.Parse(sdl).Definitions.OfType<GraphQLObjectTypeDefinition>();

    /// <summary>Object types keyed by <c>@key(fields: "id")</c>: every entity, since each is keyed by its global id.</summary>
    private static IEnumerable<string> EntitiesIn(string sdl) =>
        ObjectTypes(sdl)
            .Where(type => type.Directives?.Items.Any(directive => directive.Name.StringValue == "key"
                && directive.Arguments?.Items.Any(argument => argument.Value is GraphQLStringValue { Value: var fields } && fields == "id") == true) == true)
            .Select(type => type.Name.StringValue)
            .Distinct();

    private static IEnumerable<string> NodeImplementations(string sdl) =>
        ObjectTypes(sdl)
            .Where(type => type.Interfaces?.Items.Any(implemented => implemented.Name.StringValue == "Node") == true)
            .Select(type => type.Name.StringValue);

    /// <summary>The glossary's Node implementations backed by its own rows, not by a key (<see cref="EntityReference"/>).</summary>
    private static IEnumerable<string> OwnedNodes(IServiceProvider services) =>
        services.GetRequiredService<ISchema>().AllTypes
            .OfType<IObjectGraphType>()
            .Where(type => type.ResolvedInterfaces.Any(implemented => implemented.Name == "Node") && type is not ObjectGraphType<EntityReference>)
            .Select(type => type.Name);

    /// <summary>A copy of the committed SDL files, in a temp folder laid out like the repository.</summary>
    private sealed class TempCheckout : IDisposable
    {
        public TempCheckout()
        {
            foreach (var subgraph in SubgraphRegistry.All)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, subgraph.Schema))!);
                File.Copy(Path.Combine(RepositoryRoot, subgraph.Schema), Path.Combine(Root, subgraph.Schema));
            }
        }

        public string Root { get; } = Directory.CreateTempSubdirectory("node-stubs-").FullName;

        public string SchemaOf(string subgraph) => Path.Combine(Root, SubgraphRegistry.Named(subgraph).Schema);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
