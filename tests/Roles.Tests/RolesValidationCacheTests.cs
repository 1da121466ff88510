using System.Net;

namespace Roles.Tests;

/// <summary>
/// The kit's document and validation caches inside the roles subgraph's endpoint: a kept result
/// answers with its own arguments, and a GET still adds its rules to a document validated over POST.
/// (SubgraphKit.Tests drives the caches directly.)
/// </summary>
public sealed class RolesValidationCacheTests(SubgraphFactory<Program> factory) : IClassFixture<SubgraphFactory<Program>>
{
    /// <summary>Arguments come from the kept result: the same query three times gets the same page each time.</summary>
    [Fact]
    public async Task Repeated_query_with_literal_arguments_gets_the_same_page_each_time()
    {
        var client = factory.CreateClient();
        const string query = """{ roles(first: 1, order: [{ name: DESC }]) { nodes { slug } pageInfo { hasNextPage } } }""";

        var pages = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var response = await client.PostGraphQLAsync(query);
            pages.Add(GraphQLAssert.Data(response).ToJsonString());
        }

        Assert.Equal(Enumerable.Repeat("""{"roles":{"nodes":[{"slug":"backend-developer"}],"pageInfo":{"hasNextPage":true}}}""", 3), pages);
    }

    /// <summary>A mutation's document, cached and validated over POST, is still refused over GET (the rule sets differ).</summary>
    [Fact]
    public async Task Mutation_validated_over_post_is_still_refused_over_get()
    {
        var client = factory.CreateClient();
        const string mutation = "mutation { __typename }";

        var post = await client.PostGraphQLAsync(mutation);
        var postAgain = await client.PostGraphQLAsync(mutation);
        var get = await client.GetGraphQLAsync(mutation);

        Assert.Equal("Mutation", GraphQLAssert.Data(post)["__typename"]?.GetValue<string>());
        Assert.Equal("Mutation", GraphQLAssert.Data(postAgain)["__typename"]?.GetValue<string>());
        GraphQLAssert.Error(get, HttpStatusCode.MethodNotAllowed, "OPERATION_NOT_ALLOWED_OVER_GET", MediaTypes.GraphQLResponse);
    }
}
