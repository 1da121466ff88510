using System.Net;

namespace Supergraph.Tests;

/// <summary>
/// The gateway's request limits (gateway/plugins/request-limits.ts; values and reasons in README.md,
/// "Limits"), and the proof that the limits of gateway and subgraphs leave room for every trusted
/// operation, including the subgraph requests the gateway makes for it.
/// </summary>
[Collection(SharedProductionSupergraph.Name)]
public sealed class GatewayRequestLimitTests(ProductionSystem system)
{
    /// <summary>Variables for the operations of schema/operations/ that need them.</summary>
    private static readonly Dictionary<string, object> Variables = new()
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

    public static TheoryData<string> TrustedOperations() =>
        [.. Directory.GetFiles(Repo.Path("schema", "operations"), "*.graphql").Select(file => Path.GetFileNameWithoutExtension(file)).Order()];

    [Theory]
    [MemberData(nameof(TrustedOperations))]
    public async Task Every_trusted_operation_passes_every_limit_of_gateway_and_subgraphs(string operation)
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load(operation), Variables.GetValueOrDefault(operation));

        GraphQLAssert.Data(response);
    }

    [Fact]
    public async Task More_than_1000_tokens_is_400_max_tokens_exceeded()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ " + string.Join(" ", Enumerable.Repeat("__typename", 1001)) + " }");

        AssertRefused(response, "MAX_TOKENS_EXCEEDED");
    }

    [Fact]
    public async Task More_than_10_aliases_is_400_max_aliases_exceeded()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ " + string.Join(" ", Enumerable.Range(0, 11).Select(i => $"r{i}: roles {{ nodes {{ name }} }}")) + " }");

        AssertRefused(response, "MAX_ALIASES_EXCEEDED");
    }

    [Fact]
    public async Task More_than_10_directives_is_400_max_directives_exceeded()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", 11)) + "}");

        AssertRefused(response, "MAX_DIRECTIVES_EXCEEDED");
    }

    [Fact]
    public async Task Deeper_than_8_levels_is_400_max_depth_exceeded()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { tools { roles { tools { roles { tools { roles { name } } } } } } } } }");

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Complexity_over_10000_is_400_max_complexity_exceeded_before_any_subgraph_is_called()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { tools { roles { tools { name } } } } } }");

        var error = AssertRefused(response, "MAX_COMPLEXITY_EXCEEDED");
        // 1 for the connection and 1 for its nodes, then 10 × (…) for the default page (@listSize
        // assumedSize) and for each of the three lists below it (no @listSize: the flat 10).
        Assert.Contains("complexity is 11112;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_50_over_nested_lists_is_refused_and_a_page_of_2_passes()
    {
        const string Query = "{ roles(first: %) { nodes { tools { roles { tools { name } } } } } }";

        var large = await system.Gateway.PostGraphQLAsync(Query.Replace("%", "50", StringComparison.Ordinal));
        var small = await system.Gateway.PostGraphQLAsync(Query.Replace("%", "2", StringComparison.Ordinal));

        // 1 + 1 + first × (1 + 10 × (1 + 10 × (1 + 10))): 55552 with first 50, 2224 with first 2.
        Assert.Contains("complexity is 55552;", AssertRefused(large, "MAX_COMPLEXITY_EXCEEDED"), StringComparison.Ordinal);
        GraphQLAssert.Data(small);
    }

    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    public async Task A_page_size_from_a_variable_counts_like_a_literal(string argument)
    {
        var query = $"query ($size: Int) {{ tools({argument}: $size) {{ nodes {{ roles {{ tools {{ roles {{ name }} }} }} }} }} }}";

        var large = await system.Gateway.PostGraphQLAsync(query, new { size = 50 });
        var small = await system.Gateway.PostGraphQLAsync(query, new { size = 2 });

        Assert.Contains("complexity is 55552;", AssertRefused(large, "MAX_COMPLEXITY_EXCEEDED"), StringComparison.Ordinal);
        GraphQLAssert.Data(small);
    }

    [Theory]
    // totalCount @cost(weight: 5); edges sized by first like nodes: 1 + 5 + 1 + 50 × (1 + 1 + 10 × (1 + 10 × (1 + 10))).
    [InlineData("{ tools(first: 50) { totalCount edges { node { roles { tools { roles { name } } } } } } }", null, 55607)]
    // nodes(ids:) @listSize(assumedSize: 100), however few ids: 1 + 100 × (1 + 10 × (1 + 10 × (1 + 10))).
    [InlineData("{ nodes(ids: [\"x\"]) { ... on Role { tools { roles { tools { name } } } } } }", null, 111101)]
    // search @cost(weight: 10), its results sized by first (a variable's default here):
    // 10 + 1 + 10 × (1 + 1 + 10 × (1 + 10 × (1 + 10))).
    [InlineData("query ($q: String!, $n: Int = 10) { search(query: $q, first: $n) { results { node { ... on Role { tools { roles { tools { name } } } } } } } }", "api", 11131)]
    public async Task Costs_add_up_as_the_supergraph_declares_them(string query, string? searchText, int expected)
    {
        var response = await system.Gateway.PostGraphQLAsync(query, searchText is null ? null : new { q = searchText });

        Assert.Contains($"complexity is {expected};", AssertRefused(response, "MAX_COMPLEXITY_EXCEEDED"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_errors_under_application_json_are_200_with_errors_and_no_data()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { tools { roles { tools { name } } } } } }", accept: MediaTypes.Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    /// <summary>400, no data, the code; returns the message.</summary>
    private static string AssertRefused(GraphQLResponse response, string code)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Null(response.Data);
        Assert.Equal(code, response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
        return response.Errors![0]!["message"]!.GetValue<string>();
    }
}
