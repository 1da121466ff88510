using System.Net;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// What a frontend expects of any GraphQL API, through the real gateway: every entity refetchable by
/// its global id (Relay's Node), and one search box over every subgraph.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class NodeAndSearchTests(SupergraphFixture system)
{
    /// <summary>Each entity type of the supergraph and the root list field that lists all of its records.</summary>
    public static TheoryData<string, string> EntityLists { get; } = new()
    {
        { "Role", "roles" },
        { "ComparisonAspect", "comparisonTable" },
        { "Tool", "tools" },
        { "ArchitecturePattern", "patterns" },
        { "Practice", "practices" },
        { "Term", "terms" },
    };

    [Fact]
    public async Task Node_is_implemented_by_every_entity_type_of_the_supergraph()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __type(name: \"Node\") { possibleTypes { name } } }");

        var implementations = DataOf(response)["__type"]!["possibleTypes"]!.AsArray().Select(type => type!["name"]!.GetValue<string>()).Order();
        Assert.Equal(EntityLists.Select(row => (string)row[0]).Order(), implementations);
    }

    [Theory]
    [MemberData(nameof(EntityLists))]
    public async Task Every_record_round_trips_through_node_and_nodes_by_its_id(string typeName, string listField)
    {
        var listed = DataOf(await system.Gateway.PostGraphQLAsync($"{{ {listField}(first: 50) {{ nodes {{ id slug name }} }} }}"))[listField]!["nodes"]!.AsArray();
        Assert.NotEmpty(listed);

        var first = DataOf(await system.Gateway.PostGraphQLAsync(Operations.Load("NodeById"), new { id = listed[0]!["id"]!.GetValue<string>() }))["node"]!;
        Assert.Equal(typeName, first["__typename"]!.GetValue<string>());
        Assert.Equal(listed[0]!.ToJsonString(), new JsonObject { ["id"] = first["id"]!.DeepClone(), ["slug"] = first["slug"]!.DeepClone(), ["name"] = first["name"]!.DeepClone() }.ToJsonString());

        var ids = listed.Select(record => record!["id"]!.GetValue<string>()).ToArray();
        var all = DataOf(await system.Gateway.PostGraphQLAsync(
            $"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id ... on {typeName} {{ slug name }} }} }}", new { ids }))["nodes"]!.AsArray();
        Assert.Equal(listed.Select(record => (record!["slug"]!.GetValue<string>(), record["name"]!.GetValue<string>())),
            all.Select(node => (node!["slug"]!.GetValue<string>(), node["name"]!.GetValue<string>())));
        Assert.All(all, node => Assert.Equal(typeName, node!["__typename"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Nodes_of_mixed_types_come_back_in_order_with_null_for_unknown_ids()
    {
        var roles = DataOf(await system.Gateway.PostGraphQLAsync("{ roles { nodes { id } } tools { nodes { id } } practices { nodes { id } } terms { nodes { id } } }"));
        string[] ids =
        [
            roles["terms"]!["nodes"]![0]!["id"]!.GetValue<string>(),
            "not-a-global-id",
            roles["roles"]!["nodes"]![0]!["id"]!.GetValue<string>(),
            "Tm9TdWNoVHlwZTp4", // "NoSuchType:x"
            roles["practices"]!["nodes"]![0]!["id"]!.GetValue<string>(),
            "VGVybTpuby1zdWNoLXRlcm0", // "Term:no-such-term"
            roles["tools"]!["nodes"]![0]!["id"]!.GetValue<string>(),
        ];

        var response = await system.Gateway.PostGraphQLAsync(
            "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Role { name } ... on Tool { name } ... on Practice { name } ... on Term { name } } }",
            new { ids });

        var nodes = DataOf(response)["nodes"]!.AsArray();
        Assert.Equal(["Term", null, "Role", null, "Practice", null, "Tool"], nodes.Select(node => node?["__typename"]?.GetValue<string>()));
        Assert.All(nodes.OfType<JsonNode>(), node => Assert.False(string.IsNullOrEmpty(node["name"]!.GetValue<string>())));
    }

    /// <summary>
    /// The glossary vouches only for the type; the roles subgraph's _entities returns null for the record,
    /// and the engine answers the node null without an error: a record that does not exist is an answer,
    /// not a failure (Relay's node contract), and nothing asked for was lost.
    /// </summary>
    [Fact]
    public async Task Node_of_another_subgraphs_type_with_no_such_record_is_null()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("NodeById"), new { id = NoSuchRole });

        AssertNullWithoutError("node", response);
    }

    /// <summary>Without __typename too, so that the fragment's type condition is decided from the id alone.</summary>
    [Fact]
    public async Task Node_without_typename_of_another_subgraphs_missing_record_is_null()
    {
        var response = await system.Gateway.PostGraphQLAsync("query ($id: ID!) { node(id: $id) { id ... on Role { name } } }", new { id = NoSuchRole });

        AssertNullWithoutError("node", response);
    }

    [Fact]
    public async Task Nodes_gives_null_for_another_subgraphs_missing_record_and_keeps_the_others()
    {
        var role = DataOf(await system.Gateway.PostGraphQLAsync("{ roles(first: 1) { nodes { id name } } }"))["roles"]!["nodes"]![0]!;

        var response = await system.Gateway.PostGraphQLAsync(
            "query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Role { name } } }", new { ids = new[] { NoSuchRole, role["id"]!.GetValue<string>() } });

        Assert.Equal($"[null,{role.ToJsonString()}]", DataOf(response)["nodes"]?.ToJsonString());
    }

    [Fact]
    public async Task Search_returns_roles_tools_practices_and_terms_in_one_list_best_first()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "API", first = 30 });

        var results = DataOf(response)["search"]!["results"]!.AsArray();
        Assert.Equal(30, results.Count);
        var scores = results.Select(result => result!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(1.0, scores[0]); // the best of all hits is the yardstick of every other (docs/search.md)
        var types = results.Select(result => result!["node"]!["__typename"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Role", "Tool", "Practice", "Term" }, types);
        Assert.All(results, result => Assert.False(string.IsNullOrEmpty(result!["node"]!["name"]!.GetValue<string>())));
    }

    /// <summary>
    /// docs/search.md's merge rule, worked out again from the raw hits each subgraph gave in the same request:
    /// a hit scores the mean of its share of its subgraph's best and of the best of all, rounded to 6
    /// places, and results are those scores best first, then by id. "API" is the word FTS5 clamps in some
    /// subgraphs, so a merge that compared raw bm25 across subgraphs would order these differently.
    /// </summary>
    [Fact]
    public async Task Search_scores_every_result_by_the_merge_rule_over_the_subgraphs_hits()
    {
        const int First = 30;
        var response = await system.Gateway.PostGraphQLAsync(
            "query ($query: String!, $first: Int!) { search(query: $query, first: $first) { roleHits { id score } patternHits { id score } termHits { id score } results { score node { id } } } }",
            new { query = "API", first = First });

        var search = DataOf(response)["search"]!;
        var subgraphs = HitsFields.Select(field => Assert.IsType<JsonArray>(search[field])
            .Select(hit => (Id: hit!["id"]!.GetValue<string>(), Score: hit["score"]!.GetValue<double>())).ToList()).ToList();
        Assert.All(subgraphs, Assert.NotEmpty);
        var bestOfAll = subgraphs.SelectMany(hits => hits).Max(hit => hit.Score);
        var expected = subgraphs
            .SelectMany(hits => hits.Select(hit => (hit.Id, Score: Math.Round((hit.Score / hits.Max(other => other.Score) + hit.Score / bestOfAll) / 2, 6))))
            .OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Id, StringComparer.Ordinal).Take(First).ToList();

        var results = search["results"]!.AsArray()
            .Select(result => (Id: result!["node"]!["id"]!.GetValue<string>(), Score: result["score"]!.GetValue<double>())).ToList();
        Assert.Equal(expected, results);
    }

    [Fact]
    public async Task Search_finds_a_tool_by_its_name_and_the_practices_that_use_it()
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query = "postman" });

        var results = DataOf(response)["search"]!["results"]!.AsArray();
        var tool = Assert.Single(results, result => result!["node"]!["__typename"]!.GetValue<string>() == "Tool" && result["node"]!["slug"]!.GetValue<string>() == "postman");
        Assert.InRange(tool!["score"]!.GetValue<double>(), 0.5, 1.0); // the best of its subgraph
        Assert.Contains(results, result => result!["node"]!["__typename"]!.GetValue<string>() == "Practice");
    }

    [Theory]
    [InlineData("\"unbalanced AND (")]
    [InlineData("* -NEAR ^:")]
    [InlineData("'; DROP TABLE SearchDocuments; --")]
    public async Task Search_with_hostile_text_answers_200_without_errors(string query)
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query });

        Assert.NotNull(DataOf(response)["search"]!["results"]);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("api", 51)]
    public async Task Search_with_a_blank_query_or_too_many_results_is_a_bad_user_input_error(string query, int first)
    {
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("Search"), new { query, first });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data?["search"]);
        Assert.Equal("BAD_USER_INPUT", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    /// <summary>Each subgraph's own hits on Search, from which the glossary merges results.</summary>
    private static readonly string[] HitsFields = ["roleHits", "patternHits", "termHits"];

    /// <summary>"Role:no-such-role": a global id of a type the roles subgraph owns, with no record.</summary>
    private const string NoSuchRole = "Um9sZTpuby1zdWNoLXJvbGU";

    private static void AssertNullWithoutError(string field, GraphQLResponse response)
    {
        Assert.True(response.Data is JsonObject data && data.ContainsKey(field) && data[field] is null, response.ToString());
        DataOf(response);
    }

    private static JsonNode DataOf(GraphQLResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.True(response.Errors is null, response.ToString());
        return response.Data!;
    }
}
