using System.Globalization;
using System.Text.Json.Nodes;
using SubgraphKit.Data;
using SubgraphKit.Hosting;
using SubgraphKit.Identity;

namespace Supergraph.Tests;

/// <summary>
/// MOCK_SUBGRAPHS=all ./run.sh: every subgraph served from its contract (gateway/mock-subgraph.mjs) behind the real
/// gateway. Every trusted operation answers whole, the same every time and from any process, with global ids of
/// the right type and pages of the size asked for.
/// </summary>
public sealed class MockSubgraphsTests(MockSubgraphsTests.AllMocked system) : IClassFixture<MockSubgraphsTests.AllMocked>
{
    private const string Sample = """
        { roles(first: 3) { nodes { __typename id name tools { __typename id name } } }
          patterns(first: 3) { nodes { __typename id name practices { __typename id } relatedTerms { __typename id } } }
          terms(first: 3) { nodes { __typename id name relatedTerms { __typename id } perspectives { role { __typename id } } } }
          search(query: "api", first: 5) { results { node { __typename id } } } }
        """;

    [Theory]
    [MemberData(nameof(Operations.All), MemberType = typeof(Operations))]
    public async Task Every_trusted_operation_answers_whole_from_the_mocks(string operation)
    {
        var response = await system.Run.Gateway.PostGraphQLAsync(Operations.Load(operation), Operations.ExampleVariables.GetValueOrDefault(operation));

        var data = GraphQLAssert.Data(response).AsObject();
        Assert.NotEmpty(data);
        Assert.All(data, field => Assert.True(field.Value is not null, $"{field.Key} is null: {response.Body}"));
    }

    [Fact]
    public async Task The_same_query_gets_the_same_body_again_and_from_a_fresh_mock_process()
    {
        var first = await system.Run.Gateway.PostGraphQLAsync(Sample);
        var second = await system.Run.Gateway.PostGraphQLAsync(Sample);

        GraphQLAssert.Data(first);
        Assert.Equal(first.Body, second.Body);

        // A mock that has answered nothing yet answers as the one that has answered every test before.
        var port = SupergraphFixture.FreePorts(1)[0];
        using var fresh = new ServiceProcess("fresh glossary mock", "node", [Repo.Path("gateway", "mock-subgraph.mjs"), "glossary", port.ToString(CultureInfo.InvariantCulture)], Repo.Root, new Dictionary<string, string>());
        await fresh.WaitReadyAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
        using var freshClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        const string Terms = "{ terms(first: 5) { nodes { id name definition relatedTerms { id name } perspectives { text } } } termByName(name: \"BFF\") { id abbreviations } }";
        using var glossary = system.Run.Subgraph("glossary");
        Assert.Equal((await glossary.PostGraphQLAsync(Terms)).Body, (await freshClient.PostGraphQLAsync(Terms)).Body);
    }

    [Fact]
    public async Task Every_id_is_a_global_id_of_its_own_type_and_node_finds_it_again()
    {
        var data = GraphQLAssert.Data(await system.Run.Gateway.PostGraphQLAsync(Sample));

        var records = Records(data).ToList();
        Assert.True(records.Count > 20, $"only {records.Count} records in {data.ToJsonString()}");
        Assert.All(records, record => Assert.True(
            GlobalId.TryDecode(record.Id, out var typeName, out var slug) && typeName == record.TypeName && slug.Length > 0,
            $"{record.Id} is not a global id of a {record.TypeName}"));

        var term = records.First(record => record.TypeName == "Term");
        var found = GraphQLAssert.Data(await system.Run.Gateway.PostGraphQLAsync(
            "query($id: ID!) { node(id: $id) { __typename id } malformed: node(id: \"not an id\") { id } }", new { id = term.Id }));
        Assert.Equal("Term", found["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal(term.Id, found["node"]!["id"]!.GetValue<string>());
        Assert.Null(found["malformed"]);
    }

    [Fact]
    public async Task A_connection_gives_first_n_nodes_and_10_by_default()
    {
        var data = GraphQLAssert.Data(await system.Run.Gateway.PostGraphQLAsync(
            "{ terms(first: 3) { totalCount edges { node { id } } nodes { id } pageInfo { hasNextPage } } roles { nodes { id } } tools(last: 2) { nodes { id } } }"));

        var terms = data["terms"]!;
        Assert.Equal(3, terms["nodes"]!.AsArray().Count);
        Assert.Equal(terms["nodes"]!.ToJsonString(), new JsonArray([.. terms["edges"]!.AsArray().Select(edge => edge!["node"]!.DeepClone())]).ToJsonString());
        Assert.True(terms["totalCount"]!.GetValue<int>() > 3 && terms["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), terms.ToJsonString());
        Assert.Equal(10, data["roles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(2, data["tools"]!["nodes"]!.AsArray().Count);
    }

    /// <summary>Every object of the answer that has both a <c>__typename</c> and an <c>id</c>.</summary>
    private static IEnumerable<(string TypeName, string Id)> Records(JsonNode? node) => node switch
    {
        JsonObject record when record["__typename"] is JsonValue typeName && record["id"] is JsonValue id =>
            record.SelectMany(field => Records(field.Value)).Prepend((typeName.GetValue<string>(), id.GetValue<string>())),
        JsonObject other => other.SelectMany(field => Records(field.Value)),
        JsonArray items => items.SelectMany(Records),
        _ => [],
    };

    public sealed class AllMocked : IAsyncLifetime
    {
        public MockedRun Run { get; private set; } = null!;

        public async Task InitializeAsync() => Run = await MockedRun.StartAsync("all");

        public Task DisposeAsync()
        {
            Run.Dispose();
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// MOCK_SUBGRAPHS mixed with real subgraphs, and refused when it names no subgraph: the glossary mocked beside the
/// real roles and patterns still answers queries that cross all three.
/// </summary>
public sealed class MockSubgraphsBesideRealOnesTests
{
    [Fact]
    public async Task An_unknown_name_is_refused_at_once_naming_the_valid_ones()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "mock-run-" + Guid.NewGuid().ToString("N"));

        var result = await Command.RunAsync("bash", [Repo.Path("run.sh"), "--no-build"], Repo.Root, new Dictionary<string, string>
        {
            ["MOCK_SUBGRAPHS"] = "glossary,glosary",
            ["DATA_DIR"] = dataDirectory,
        });

        Assert.Equal(2, result.ExitCode);
        var valid = string.Join(", ", SubgraphRegistry.All.Select(subgraph => subgraph.Name));
        Assert.Contains($"MOCK_SUBGRAPHS names 'glosary', which is not a subgraph: use all, or a comma list of: {valid}", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDirectory), "run.sh went on to prepare its data folder");
    }

    [Fact]
    public async Task A_mocked_glossary_joins_the_real_roles_and_patterns()
    {
        using var run = await MockedRun.StartAsync("glossary");

        var role = GraphQLAssert.Data(await run.Gateway.PostGraphQLAsync(Operations.Load("RoleToRelatedTerms"), new { slug = "backend-developer" }))["role"]!;

        Assert.Equal("Backend Developer", role["name"]!.GetValue<string>());
        var patterns = role["favouredPatterns"]!.AsArray();
        Assert.Contains(patterns, pattern => pattern!["name"]!.GetValue<string>() == "Monolithic Architecture");
        var terms = patterns.SelectMany(pattern => pattern!["describedBy"]!.AsArray()).ToList();
        Assert.NotEmpty(terms);
        Assert.All(terms, term => Assert.NotEmpty(term!["relatedTerms"]!.AsArray()));

        var page = GraphQLAssert.Data(await run.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "api-first-developer" }))["role"]!;
        Assert.Equal("API-First Developer", page["name"]!.GetValue<string>());
        Assert.NotEmpty(page["termPerspectives"]!.AsArray());
    }
}

/// <summary>
/// ./run.sh --no-build with MOCK_SUBGRAPHS, as a user runs it: on free ports, a DATA_DIR of its own, the Debug build
/// the tests use. The subgraphs it runs for real get databases of the tests' engine. Disposing stops it (SIGTERM).
/// </summary>
public sealed class MockedRun : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("mock-run-").FullName;
    private readonly List<TestDatabase> _databases = [];
    private readonly Dictionary<string, int> _ports = [];
    private ServiceProcess? _script;

    private MockedRun()
    {
    }

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A client of one subgraph, mocked or real, as the gateway reaches it.</summary>
    public HttpClient Subgraph(string name) => new() { BaseAddress = new Uri($"http://127.0.0.1:{_ports[name]}/") };

    public static async Task<MockedRun> StartAsync(string mocked)
    {
        var run = new MockedRun();
        try
        {
            await run.StartScriptAsync(mocked);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    private async Task StartScriptAsync(string mocked)
    {
        var ports = SupergraphFixture.FreePorts(SubgraphRegistry.All.Count + 1);
        var environment = new Dictionary<string, string>
        {
            ["MOCK_SUBGRAPHS"] = mocked,
            ["CONFIGURATION"] = "Debug",
            ["DATA_DIR"] = _dataDirectory,
            ["GATEWAY_PORT"] = ports[^1].ToString(CultureInfo.InvariantCulture),
            [SubgraphDatabase.Variable] = TestDatabase.Engine.ToString(),
        };
        foreach (var (subgraph, port) in SubgraphRegistry.All.Zip(ports))
        {
            _ports[subgraph.Name] = port;
            environment[subgraph.PortVariable] = port.ToString(CultureInfo.InvariantCulture);
            // On PostgreSQL a real subgraph gets a database of this test's own, so run.sh starts no server.
            if (TestDatabase.Engine == DatabaseEngine.Postgres && mocked != "all" && !mocked.Split(',').Contains(subgraph.Name))
            {
                var database = TestDatabase.Create(subgraph.ProjectName, _dataDirectory);
                _databases.Add(database);
                environment[$"ConnectionStrings__{subgraph.ProjectName}"] = database.ConnectionString;
            }
        }

        var gatewayUrl = new Uri($"http://127.0.0.1:{ports[^1]}/");
        _script = new ServiceProcess("run.sh", "bash", [Repo.Path("run.sh"), "--no-build"], Repo.Root, environment);
        await _script.WaitReadyAsync(new Uri(gatewayUrl, "readiness"));
        Gateway = new HttpClient { BaseAddress = gatewayUrl, Timeout = TimeSpan.FromSeconds(30) };

        // A real Debug subgraph's first requests can outlast the engine's 5 s subgraph timeout on a loaded machine
        // (SupergraphFixture warms up likewise): wait for a page through every subgraph to come back whole.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        GraphQLResponse warm;
        while ((warm = await Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" })).Errors is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(warm.Errors is null, $"RolePage was not whole within 120 s of readiness: {warm}\n{_script.Output}");
    }

    public void Dispose()
    {
        Gateway?.Dispose();
        if (_script is not null)
        {
            // SIGTERM lets run.sh stop what it started; the tree kill in Dispose is for a script that hangs.
            _script.Terminate();
            _script.WaitForExit(TimeSpan.FromSeconds(30));
            _script.Dispose();
        }

        _databases.ForEach(database => database.Dispose());
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
