using System.Net;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// The gateway's request limits (values and reasons in docs/limits.md): the edge's 1,000 tokens, then the
/// engine's <c>[operation_limits]</c> (depth 8, aliases 10, root fields 10) and <c>[complexity_control]</c>
/// (10,000, counted from the subgraphs' @cost and @listSize) of gateway/grafbase.toml. The engine refuses
/// each with OPERATION_VALIDATION_ERROR and a message that names the limit but neither its value nor the
/// query's count, so costs are checked at the boundary; every refusal comes before any subgraph is called,
/// counted by a proxy in front of each subgraph. It has no directive limit (grafbase.toml offers
/// none): the token limit is what bounds directives. And the proof that the limits of gateway and
/// subgraphs leave room for every trusted operation, including the subgraph requests the gateway makes for it.
/// </summary>
public sealed class GatewayRequestLimitTests(GatewayRequestLimitTests.SubgraphsBehindCountingProxies system) : IClassFixture<GatewayRequestLimitTests.SubgraphsBehindCountingProxies>
{
    private const string EngineCode = "OPERATION_VALIDATION_ERROR";
    private const string OverComplexity = "Query exceeded complexity limit";
    private const string TooDeep = "Query is nested too deep.";
    private const string TooManyAliases = "Query contains too many aliases.";
    private const string TooManyRootFields = "Query contains too many root fields.";

    /// <summary>An object field at the root: it costs 1, so a query that costs exactly the limit goes over with it.</summary>
    private const string OneMore = " role(slug: \"backend-developer\") { name }";

    [Theory]
    [MemberData(nameof(Operations.All), MemberType = typeof(Operations))]
    public async Task Every_trusted_operation_passes_every_limit_of_gateway_and_subgraphs(string operation)
    {
        var sent = await SendAsync(Operations.Load(operation), Operations.ExampleVariables.GetValueOrDefault(operation));

        GraphQLAssert.Data(sent.Response);
        Assert.True(sent.SubgraphCalls > 0, "the proxies counted no subgraph call for " + operation);
    }

    [Fact]
    public async Task More_than_1000_tokens_is_400_max_tokens_exceeded()
    {
        var response = await SendAsync("{ " + string.Join(" ", Enumerable.Repeat("__typename", 1001)) + " }");

        Assert.Equal("The document has more than 1000 tokens, the limit of this gateway.", AssertRefused(response, "MAX_TOKENS_EXCEEDED"));
    }

    [Fact]
    public async Task Directives_are_bounded_by_the_1000_token_limit_alone()
    {
        // `@include(if: true)` is 7 tokens; `query { t: __typename … }` 6 more, `query Q` one more.
        var directives = string.Concat(Enumerable.Repeat(" @include(if: true)", 142));

        var inside = await SendAsync("query { t: __typename" + directives + " }");
        var over = await SendAsync("query Q { t: __typename" + directives + " }");

        Assert.Equal("Query", GraphQLAssert.Data(inside.Response)["t"]?.GetValue<string>());
        AssertRefused(over, "MAX_TOKENS_EXCEEDED");
    }

    [Fact]
    public async Task More_than_10_aliases_is_400_too_many_aliases()
    {
        static string Aliased(int count) => "{ roles { nodes { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"n{i}: name")) + " } } }";

        AssertAnsweredBySubgraphs(await SendAsync(Aliased(10)));
        AssertEngineRefused(await SendAsync(Aliased(11)), TooManyAliases);
    }

    [Fact]
    public async Task More_than_10_root_fields_is_400_too_many_root_fields_aliased_or_not()
    {
        string[] fields =
        [
            "roles { totalCount }", "tools { totalCount }", "terms { totalCount }", "patterns { totalCount }", "practices { totalCount }",
            "comparisonTable { totalCount }", "role(slug: \"backend-developer\") { name }", "tool(slug: \"postman\") { name }",
            "term(slug: \"api\") { name }", "pattern(slug: \"backend-for-frontend\") { name }", "__typename",
        ];
        var aliases = Enumerable.Range(0, 11).Select(i => $"r{i}: roles {{ totalCount }}").ToArray();

        AssertAnsweredBySubgraphs(await SendAsync("{ " + string.Join(" ", fields[..10]) + " }"));
        AssertEngineRefused(await SendAsync("{ " + string.Join(" ", fields) + " }"), TooManyRootFields);
        // Each aliased use of a root field counts as a root field, and that limit answers first.
        AssertEngineRefused(await SendAsync("{ " + string.Join(" ", aliases) + " }"), TooManyRootFields);
    }

    [Fact]
    public async Task Deeper_than_8_levels_is_400_nested_too_deep()
    {
        // Eight levels through single objects, cheap enough (2,221) that only depth can refuse the ninth.
        var eight = await SendAsync("{ term(slug: \"api\") { perspectives { term { perspectives { role { tools { source { heading } } } } } } } }");
        var nine = await SendAsync("{ roles { nodes { tools { roles { tools { roles { tools { roles { name } } } } } } } } }");

        AssertAnsweredBySubgraphs(eight);
        AssertEngineRefused(nine, TooDeep);
    }

    [Fact]
    public async Task Complexity_over_10000_is_400_with_the_limit_named_and_no_count_before_any_subgraph_is_called()
    {
        // 1 for the connection, then 10 × (…) for the default page (@listSize assumedSize) and for each of
        // the three lists below it (no @listSize: the flat 10 of list_size): 1 + 10 × 1111 = 11111.
        var response = await SendAsync("{ roles { nodes { tools { roles { tools { name } } } } } }");

        AssertEngineRefused(response, OverComplexity);
    }

    [Theory]
    // A connection costs 1 and its nodes `first` × (1 + what each selects); a list without @listSize 10 ×.
    // Page of 9 over three nested lists: 1 + 9 × (1 + 10 × (1 + 10 × (1 + 10))) = 1 + 9 × 1111, the limit.
    [InlineData("{ roles(first: 9) { nodes { tools { roles { tools { name } } } } } }", null, 10_000)]
    [InlineData("{ roles(first: 9) { nodes { tools { roles { tools { name } } } } }" + OneMore + " }", null, 10_001)]
    [InlineData("{ roles(first: 2) { nodes { tools { roles { tools { name } } } } } }", null, 2_223)]
    [InlineData("{ roles(first: 50) { nodes { tools { roles { tools { name } } } } } }", null, 55_551)]
    // A variable's default slices like a literal.
    [InlineData("query ($size: Int = 9) { tools(first: $size) { nodes { roles { tools { roles { name } } } } } }", null, 10_000)]
    [InlineData("query ($size: Int = 9) { tools(first: $size) { nodes { roles { tools { roles { name } } } } }" + OneMore + " }", null, 10_001)]
    // totalCount @cost(weight: 5), where a scalar costs 0: 5 + the page of 9 above.
    [InlineData("{ tools(first: 9) { totalCount nodes { roles { tools { roles { name } } } } } }", null, 10_005)]
    // edges are sized by `first` like nodes, each edge 1 + its node: 1 + 5 + 8 × 1112 (with the flat 10, 11126).
    [InlineData("{ tools(first: 8) { totalCount edges { node { roles { tools { roles { name } } } } } } }", null, 8_902)]
    [InlineData("{ tools(first: 9) { edges { node { roles { tools { roles { name } } } } } } }", null, 10_009)]
    // nodes(ids:) @listSize(assumedSize: 100), however few ids: 100 × (1 + 10 × (4 + 4 + 1)), then one more
    // list of leaves (100 × 10 more). With the flat 10, both would pass.
    [InlineData("{ nodes(ids: [\"x\"]) { ... on Role { termPerspectives { role { name } term { name } source { heading } } patternStances { role { name } pattern { name } source { heading } } tools { name } } } }", null, 9_100)]
    [InlineData("{ nodes(ids: [\"x\"]) { ... on Role { termPerspectives { role { name } term { name } source { heading } } patternStances { role { name } pattern { name } source { heading } } tools { name } practices { name } } } }", null, 10_100)]
    // search @cost(weight: 10), its results sized by `first` (here a variable's default): each result 1, its
    // node 1, the role's lists 10 × (1 + 10 + 10) + 10 × 1: 10 + 45 × 222. Counted as 1, search would pass both.
    [InlineData("query ($q: String!, $n: Int = 45) { search(query: $q, first: $n) { results { node { ... on Role { tools { roles { name } practices { name } } practices { name } } } } } }", "api", 10_000)]
    [InlineData("query ($q: String!, $n: Int = 45) { search(query: $q, first: $n) { results { node { ... on Role { tools { roles { name } practices { name } } practices { name } } } } }" + OneMore + " }", "api", 10_001)]
    public async Task Costs_add_up_as_the_supergraph_declares_them(string query, string? searchText, int declaredCost)
    {
        var response = await SendAsync(query, searchText is null ? null : new { q = searchText });

        if (declaredCost <= 10_000)
        {
            AssertAnsweredBySubgraphs(response);
        }
        else
        {
            AssertEngineRefused(response, OverComplexity);
        }
    }

    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    public async Task A_page_size_from_a_variable_counts_like_a_literal(string argument)
    {
        // 1 + size × 1111: 10000 with 9, 11111 with 10.
        var query = $"query ($size: Int) {{ tools({argument}: $size) {{ nodes {{ roles {{ tools {{ roles {{ name }} }} }} }} }} }}";

        var atTheLimit = await SendAsync(query, new { size = 9 });
        var over = await SendAsync(query, new { size = 10 });

        AssertAnsweredBySubgraphs(atTheLimit);
        AssertEngineRefused(over, OverComplexity);
    }

    [Theory]
    [InlineData("{ roles { nodes { tools { roles { tools { name } } } } } }", OverComplexity)]
    [InlineData("{ roles { nodes { tools { roles { tools { roles { tools { roles { name } } } } } } } } }", TooDeep)]
    public async Task Limit_errors_under_application_json_are_200_with_errors_and_no_data(string query, string message)
    {
        var response = await SendAsync(query, accept: MediaTypes.Json);

        Assert.Equal(message, AssertError(response, HttpStatusCode.OK, MediaTypes.Json, EngineCode));
    }

    /// <summary>A request to the gateway, with the calls the subgraphs received while it was answered.</summary>
    private sealed record Sent(GraphQLResponse Response, int SubgraphCalls);

    /// <summary>Sends one request at a time (the tests of a class run one by one), so the calls counted are its own.</summary>
    private async Task<Sent> SendAsync(string query, object? variables = null, string accept = MediaTypes.GraphQLResponse)
    {
        var before = system.SubgraphCalls;
        var response = await system.Gateway.PostGraphQLAsync(query, variables, accept);
        return new Sent(response, system.SubgraphCalls - before);
    }

    /// <summary>Data, fetched from the subgraphs: the proxies see the calls a refusal must not make.</summary>
    private static void AssertAnsweredBySubgraphs(Sent sent)
    {
        GraphQLAssert.Data(sent.Response);
        Assert.True(sent.SubgraphCalls > 0, "the proxies counted no subgraph call for an answer with data: " + sent.Response);
    }

    /// <summary>The engine's answer to a limit under application/graphql-response+json.</summary>
    private static void AssertEngineRefused(Sent sent, string message) =>
        Assert.Equal(message, AssertRefused(sent, EngineCode));

    /// <summary>400, no data, one error with the code; returns its message.</summary>
    private static string AssertRefused(Sent sent, string code) =>
        AssertError(sent, HttpStatusCode.BadRequest, MediaTypes.GraphQLResponse, code);

    private static string AssertError(Sent sent, HttpStatusCode status, string mediaType, string code)
    {
        // First, so a limit that stops refusing fails here: the subgraphs did the work it exists to prevent.
        Assert.True(sent.SubgraphCalls == 0, $"the subgraphs received {sent.SubgraphCalls} call(s) for a request refused with {sent.Response}");
        var response = sent.Response;
        Assert.True(response.Status == status, response.ToString());
        Assert.Equal(mediaType, response.MediaType);
        Assert.Null(response.Data);
        var error = Assert.IsType<JsonObject>(Assert.Single(response.Errors!), exactMatch: false);
        Assert.Equal(code, error["extensions"]?["code"]?.GetValue<string>());
        return error["message"]!.GetValue<string>();
    }

    /// <summary>
    /// The production system with every subgraph behind a <see cref="FaultyProxy"/> that faults nothing:
    /// it only counts the calls the gateway makes to each.
    /// </summary>
    public sealed class SubgraphsBehindCountingProxies : ProductionSystem
    {
        private readonly List<FaultyProxy> _proxies = [];

        public int SubgraphCalls => _proxies.Sum(proxy => proxy.Calls);

        protected override async Task<string> GatewayRouteToAsync(string name)
        {
            var proxy = await FaultyProxy.StartAsync(new Uri(SubgraphUrl(name), "graphql"));
            _proxies.Add(proxy);
            return proxy.Url.ToString();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            foreach (var proxy in _proxies)
            {
                await proxy.DisposeAsync();
            }
        }
    }
}
