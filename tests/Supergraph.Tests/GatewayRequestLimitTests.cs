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
    public async Task Complexity_over_5000_is_400_max_complexity_exceeded_before_any_subgraph_is_called()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { tools { roles { tools { name } } } } } }");

        var error = AssertRefused(response, "MAX_COMPLEXITY_EXCEEDED");
        // 1 for the connection, then 1 + 10 × (…) for each of the four lists below it.
        Assert.Contains("11112", error, StringComparison.Ordinal);
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
