using System.Text.Json.Nodes;
using Xunit;

namespace SubgraphTesting;

/// <summary>Checks shared by every subgraph's list root fields.</summary>
public static class ListingAssert
{
    /// <summary>
    /// A connection reads only the selected columns into its nodes. This proves no selected field lost
    /// its column on the way: each node equals the same record loaded whole through its lookup field.
    /// </summary>
    public static async Task ProjectionKeepsEveryFieldAsync(HttpClient client, string listField, string lookupField, string selection)
    {
        var list = GraphQLAssert.Data(await client.PostGraphQLAsync($"{{ {listField}(first: 50) {{ nodes {{ slug {selection} }} }} }}"));
        var nodes = list[listField]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);

        foreach (var node in nodes)
        {
            var slug = node!["slug"]!.GetValue<string>();
            var single = GraphQLAssert.Data(await client.PostGraphQLAsync(
                $"query($slug: String!) {{ {lookupField}(slug: $slug) {{ slug {selection} }} }}", new { slug }));
            Assert.True(JsonNode.DeepEquals(single[lookupField], node), $"{listField} node {slug} differs from {lookupField}: {node.ToJsonString()} vs {single[lookupField]?.ToJsonString()}");
        }
    }
}
