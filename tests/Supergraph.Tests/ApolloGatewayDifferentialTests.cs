using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQLParser;
using GraphQLParser.AST;
using SubgraphKit.Hosting;
using SubgraphKit.Identity;
using SubgraphKit.Limits;

namespace Supergraph.Tests;

/// <summary>
/// Our gateway against a reference: Apollo Gateway (gateway/apollo-reference.mjs) on the same committed
/// supergraph and the same running subgraphs must give the same data for the same queries. The queries are
/// generated from the supergraph, so a new field is compared without anyone writing a query for it.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class ApolloGatewayDifferentialTests(SupergraphFixture system)
{
    /// <summary>Fixed, so a failure names a query that the next run generates again.</summary>
    private const int Seed = 20_251_202;

    private const int QueryCount = 50;

    [Fact]
    public async Task Generated_queries_get_the_same_data_from_our_gateway_and_from_Apollo_Gateway()
    {
        var queries = GeneratedQueries();
        using var apollo = await StartApolloAsync();
        using var reference = new HttpClient { BaseAddress = apollo.Url, Timeout = TimeSpan.FromSeconds(30) };

        var differences = new List<string>();
        foreach (var query in queries)
        {
            var ours = await system.Gateway.PostGraphQLAsync(query.Text);
            var theirs = await reference.PostGraphQLAsync(query.Text);

            // A query Apollo does not execute is the generator's fault, not a difference.
            Assert.True(theirs.Data is not null, $"Apollo Gateway did not execute the generated query:\n{query.Text}\n{theirs}");
            if (!JsonNode.DeepEquals(ours.Data, theirs.Data) || (ours.Errors is null) != (theirs.Errors is null))
            {
                differences.Add($"{query.Text}\n  ours:   {ours}\n  Apollo: {theirs}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {queries.Count} queries differ:\n\n{string.Join("\n\n", differences)}");
    }

    [Fact]
    public void Generated_queries_stay_within_the_gateways_token_limit_and_mostly_cross_subgraphs()
    {
        var queries = GeneratedQueries();
        var maxTokens = JsonNode.Parse(File.ReadAllText(Repo.Path("gateway", "Edge", "appsettings.json")))!["Edge"]!["MaxTokens"]!.GetValue<int>();

        Assert.Equal(QueryCount, queries.Count);
        Assert.All(queries, query => Assert.True(DocumentTokens.Count(query.Text, maxTokens + 1) <= maxTokens, query.Text));
        Assert.True(queries.Count(query => query.Subgraphs.Count > 1) >= QueryCount / 2, "Fewer than half the generated queries join two subgraphs");
    }

    private static List<GeneratedQuery> GeneratedQueries() =>
        new QueryGenerator(Parser.Parse(File.ReadAllText(Repo.Path("schema", "supergraph.graphql"))), ComplexityControl.Read(), new Random(Seed)).Generate(QueryCount);

    private async Task<ApolloReference> StartApolloAsync()
    {
        var port = SupergraphFixture.FreePorts(1)[0];
        var environment = SubgraphRegistry.All.ToDictionary(
            subgraph => subgraph.UrlVariable,
            subgraph => new Uri(system.SubgraphUrl(subgraph.ProjectName), "graphql").ToString());
        var process = new ServiceProcess("apollo", "node", [Repo.Path("gateway", "apollo-reference.mjs"), port.ToString(System.Globalization.CultureInfo.InvariantCulture)], Repo.Path("gateway"), environment);
        var apollo = new ApolloReference(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await apollo.WaitReadyAsync();
            return apollo;
        }
        catch
        {
            apollo.Dispose();
            throw;
        }
    }

    /// <summary>The running reference gateway, stopped by PID when disposed.</summary>
    private sealed class ApolloReference(ServiceProcess process, Uri url) : IDisposable
    {
        public Uri Url => url;

        public Task WaitReadyAsync() => process.WaitReadyAsync(new Uri(url, "readiness"));

        public void Dispose() => process.Dispose();
    }

    private sealed record GeneratedQuery(string Text, IReadOnlySet<string> Subgraphs);

    private sealed record Selected(string Text, int Cost);

    /// <summary>The engine's complexity control, from gateway/grafbase.toml.</summary>
    private sealed record ComplexityControl(int Limit, int ListSize)
    {
        public static ComplexityControl Read()
        {
            var section = Regex.Match(File.ReadAllText(Repo.Path("gateway", "grafbase.toml")), @"^\[complexity_control\]\n(?<body>(?:[^\[].*\n?)*)", RegexOptions.Multiline).Groups["body"].Value;
            int Setting(string name) => int.Parse(Regex.Match(section, $@"^{name} = (\d+)", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new ComplexityControl(Setting("limit"), Setting("list_size"));
        }
    }

    /// <summary>
    /// A seeded random walk over the supergraph's query fields: each root field in turn, with its required
    /// arguments from the subgraphs' seed files, a small <c>first</c>, some leaf fields and at most two
    /// object fields per level, three object levels deep (a connection's nodes or edges do not count).
    /// Within the gateway's limits: no aliases, depth at most 8, and a cost within the complexity limit.
    /// </summary>
    private sealed class QueryGenerator(GraphQLDocument supergraph, ComplexityControl complexity, Random random)
    {
        /// <summary>The seed file of each entity type that a root field looks up by slug or global id.</summary>
        private static readonly Dictionary<string, string> SeedFiles = new()
        {
            ["Role"] = "subgraphs/Roles/Data/Seed/roles.json",
            ["ComparisonAspect"] = "subgraphs/Roles/Data/Seed/comparison-aspects.json",
            ["Tool"] = "subgraphs/Roles/Data/Seed/tools.json",
            ["ArchitecturePattern"] = "subgraphs/Patterns/Data/Seed/patterns.json",
            ["Practice"] = "subgraphs/Patterns/Data/Seed/practices.json",
            ["Term"] = "subgraphs/Glossary/Data/Seed/terms.json",
        };

        private const int ObjectLevels = 3;

        private readonly Dictionary<string, GraphQLTypeDefinition> _types = supergraph.Definitions
            .OfType<GraphQLTypeDefinition>().ToDictionary(type => type.Name.StringValue);

        private readonly Dictionary<string, JsonArray> _seeds = SeedFiles.ToDictionary(
            pair => pair.Key, pair => JsonNode.Parse(File.ReadAllText(Repo.Path(pair.Value)))!.AsArray());

        private HashSet<string> _subgraphs = [];

        public List<GeneratedQuery> Generate(int count)
        {
            var roots = Fields("Query");
            return [.. Enumerable.Range(0, count).Select(i => Query(i, roots[i % roots.Count]))];
        }

        /// <summary>A query on the root field, drawn again until its cost is within the gateway's complexity limit.</summary>
        private GeneratedQuery Query(int number, GraphQLFieldDefinition root)
        {
            while (true)
            {
                _subgraphs = [];
                RecordSubgraph(root);
                var arguments = (root.Arguments?.Items ?? []).Select(Argument).OfType<string>().ToList();
                var selection = Selection(NamedType(root), ObjectLevels - 1);
                if (Cost(root, selection.Cost) <= complexity.Limit)
                {
                    var text = $"query Generated{number:00} {{ {root.Name.StringValue}{(arguments.Count > 0 ? $"({string.Join(", ", arguments)})" : "")}{selection.Text} }}";
                    return new GeneratedQuery(text, _subgraphs);
                }
            }
        }

        /// <summary>A required argument from the seed data, or `first`; null for the optional rest.</summary>
        private string? Argument(GraphQLInputValueDefinition argument) => (argument.Name.StringValue, argument.Type) switch
        {
            ("first", _) => $"first: {random.Next(1, 4)}",
            (_, not GraphQLNonNullType) => null,
            // One lookup in eight asks for a slug that does not exist: both gateways must answer null alike.
            ("slug", _) => $"slug: \"{(random.Next(8) == 0 ? "no-such-slug" : Slug(ReturnTypeOf(argument)))}\"",
            ("name", _) => $"name: {Quoted(Pick(_seeds["Term"])["name"]!.GetValue<string>())}",
            ("query", _) => $"query: {Quoted(SearchWord())}",
            ("id", _) => $"id: \"{RandomGlobalId()}\"",
            ("ids", _) => $"ids: [\"{RandomGlobalId()}\", \"{RandomGlobalId()}\"]",
            var (name, _) => throw new NotSupportedException($"No seed value for the required argument {name}: teach the generator one."),
        };

        private Selected Selection(string typeName, int levelsLeft, HashSet<string>? taken = null)
        {
            if (typeName.EndsWith("Connection", StringComparison.Ordinal))
            {
                var connection = Fields(typeName).ToDictionary(field => field.Name.StringValue);
                var node = Selection(NamedType(connection["nodes"]), levelsLeft);
                var page = random.Next(2) == 0
                    ? new Selected($"nodes{node.Text}", Cost(connection["nodes"], node.Cost))
                    : new Selected($"edges {{ cursor node{node.Text} }}", Cost(connection["edges"], 1 + node.Cost));
                var pageInfo = random.Next(3) == 0;
                return new Selected(
                    $" {{ totalCount {page.Text}{(pageInfo ? " pageInfo { hasNextPage endCursor }" : "")} }}",
                    Cost(connection["totalCount"], 0) + page.Cost + (pageInfo ? 1 : 0));
            }

            if (_types[typeName] is GraphQLInterfaceTypeDefinition)
            {
                var implementations = _types.Values.OfType<GraphQLObjectTypeDefinition>()
                    .Where(candidate => candidate.Interfaces?.Items.Any(i => i.Name.StringValue == typeName) == true)
                    .OrderBy(_ => random.Next()).Take(2);

                // Sibling fragments never share a field name: Practice.roles and Tool.roles differ in nullability,
                // which makes them unmergeable (FieldsInSetCanMerge).
                var fragmentFields = new HashSet<string> { "id" };
                var fragments = implementations.Select(implementation => (implementation.Name.StringValue, Selection: Selection(implementation.Name.StringValue, levelsLeft, fragmentFields))).ToList();
                return new Selected(
                    " { __typename id" + string.Concat(fragments.Select(fragment => $" ... on {fragment.StringValue}{fragment.Selection.Text}")) + " }",
                    fragments.Sum(fragment => fragment.Selection.Cost));
            }

            var fields = Fields(typeName).Where(field => taken?.Contains(field.Name.StringValue) != true).ToList();
            var leaves = fields.Where(field => !IsComposite(field)).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            var objects = levelsLeft > 0
                ? fields.Where(IsComposite).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList()
                : [];
            leaves.Concat(objects).ToList().ForEach(field =>
            {
                RecordSubgraph(field);
                taken?.Add(field.Name.StringValue);
            });
            var children = objects.Select(field => (field, Selection: Selection(NamedType(field), levelsLeft - 1))).ToList();
            return new Selected(
                " { " + string.Join(" ", leaves.Select(field => field.Name.StringValue).Concat(children.Select(child => child.field.Name.StringValue + child.Selection.Text))) + " }",
                leaves.Sum(field => Cost(field, 0)) + children.Sum(child => Cost(child.field, child.Selection.Cost)));
        }

        /// <summary>
        /// A field's cost as the cost spec counts it, rounded up: its @cost weight (1 for an object, 0 for a
        /// scalar) and its selection's cost, times its size if it is a list: its @listSize assumedSize, or the
        /// gateway's default list size. Slicing arguments would lower a size; ignoring them only overestimates.
        /// </summary>
        private int Cost(GraphQLFieldDefinition field, int selectionCost)
        {
            var weight = IntArgument(field, "cost", "weight") ?? (IsComposite(field) ? 1 : 0);
            return (weight + selectionCost) * (IsList(field.Type) ? IntArgument(field, "listSize", "assumedSize") ?? complexity.ListSize : 1);
        }

        private static int? IntArgument(GraphQLFieldDefinition field, string directive, string argument) =>
            field.Directives?.Items.FirstOrDefault(applied => applied.Name.StringValue == directive)?
                .Arguments?.Items.FirstOrDefault(given => given.Name.StringValue == argument)?.Value is GraphQLIntValue value
                ? int.Parse(value.Value.Span, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        private static bool IsList(GraphQLType type) => type is GraphQLListType || (type is GraphQLNonNullType nonNull && IsList(nonNull.Type));

        private List<GraphQLFieldDefinition> Fields(string typeName) => _types[typeName] switch
        {
            GraphQLObjectTypeDefinition type => [.. type.Fields?.Items ?? []],
            GraphQLInterfaceTypeDefinition type => [.. type.Fields?.Items ?? []],
            var other => throw new NotSupportedException($"{typeName} is a {other.Kind}, which has no fields"),
        };

        private bool IsComposite(GraphQLFieldDefinition field) =>
            _types.GetValueOrDefault(NamedType(field)) is GraphQLObjectTypeDefinition or GraphQLInterfaceTypeDefinition or GraphQLUnionTypeDefinition;

        /// <summary>The subgraph that resolves a field, from its @join__field; shared key fields name none.</summary>
        private void RecordSubgraph(GraphQLFieldDefinition field)
        {
            var join = field.Directives?.Items.FirstOrDefault(directive => directive.Name.StringValue == "join__field"
                && directive.Arguments?.Items.Any(argument => argument.Name.StringValue == "external") != true);
            if (join?.Arguments?.Items.FirstOrDefault(argument => argument.Name.StringValue == "graph")?.Value is GraphQLEnumValue graph)
            {
                _subgraphs.Add(graph.Name.StringValue);
            }
        }

        private string ReturnTypeOf(GraphQLInputValueDefinition argument) =>
            NamedType(Fields("Query").Single(field => field.Arguments?.Items.Contains(argument) == true));

        private string Slug(string typeName) => Pick(_seeds[typeName])["slug"]!.GetValue<string>();

        private string RandomGlobalId()
        {
            var typeName = SeedFiles.Keys.ElementAt(random.Next(SeedFiles.Count));
            return GlobalId.Encode(typeName, Slug(typeName));
        }

        /// <summary>The longest word of a random record's name: a word the search index holds.</summary>
        private string SearchWord()
        {
            var names = _seeds.Values.SelectMany(records => records).Select(record => record!["name"]!.GetValue<string>()).ToList();
            return names[random.Next(names.Count)].Split(' ', '-', '(', ')').MaxBy(word => word.Length)!;
        }

        private JsonNode Pick(JsonArray records) => records[random.Next(records.Count)]!;

        private static string Quoted(string value) => JsonValue.Create(value).ToJsonString();

        private static string NamedType(GraphQLFieldDefinition field) => NamedType(field.Type);

        private static string NamedType(GraphQLType type) => type switch
        {
            GraphQLNonNullType nonNull => NamedType(nonNull.Type),
            GraphQLListType list => NamedType(list.Type),
            GraphQLNamedType named => named.Name.StringValue,
            _ => throw new NotSupportedException(type.Kind.ToString()),
        };
    }
}
