using System.Net;

namespace Supergraph.Tests;

/// <summary>
/// The query text is read as the GraphQL spec (October 2021, §2.4.1 String Value) says, whichever query
/// planner the gateway runs: the Rust planner parses the text again with an older parser, so it is
/// handed the document as graphql-js prints it (gateway/plugins/router-runtime.ts).
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class QueryTextTests(SupergraphFixture system)
{
    /// <summary>"\u{72}" is "r": the braced escape, new in the October 2021 edition.</summary>
    [Fact]
    public async Task A_braced_unicode_escape_is_read_as_its_character()
    {
        var response = await system.Gateway.PostGraphQLAsync("""{ role(slug: "backend-develope\u{72}") { name } }""");

        Assert.Equal("Backend Developer", GraphQLAssert.Data(response)["role"]?["name"]?.GetValue<string>());
    }

    /// <summary>
    /// A character beyond U+FFFF escaped as a surrogate pair, as JSON serializers write it (the fuzz
    /// run's "😀😀😀" got 500 "Failed to parse query" from the Rust planner), or braced: each searches
    /// the same as the character itself.
    /// </summary>
    [Theory]
    [InlineData("""API \uD83D\uDE00""")]
    [InlineData("""API \u{1F600}""")]
    public async Task An_escaped_character_beyond_the_basic_plane_is_read_as_that_character(string escaped)
    {
        const string Search = "{ search(query: \"%\", first: 5) { results { score node { __typename id } } } }";

        var viaEscape = await system.Gateway.PostGraphQLAsync(Search.Replace("%", escaped, StringComparison.Ordinal));
        var viaCharacter = await system.Gateway.PostGraphQLAsync(Search.Replace("%", "API 😀", StringComparison.Ordinal));

        Assert.Equal(GraphQLAssert.Data(viaCharacter).ToJsonString(), GraphQLAssert.Data(viaEscape).ToJsonString());
    }

    /// <summary>Source text is Unicode scalar values: a lone surrogate, escaped or raw, is a syntax error.</summary>
    [Theory]
    [InlineData("""{"query": "{ role(slug: \"\\uD83D\") { name } }"}""")]
    [InlineData("""{"query": "{ role(slug: \"\uD83D\") { name } }"}""")]
    public async Task A_lone_surrogate_is_a_parse_error(string body)
    {
        var response = await system.Gateway.PostRawAsync(body, MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED", MediaTypes.GraphQLResponse);
    }
}
