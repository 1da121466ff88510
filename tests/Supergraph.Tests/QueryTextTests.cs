using System.Net;

namespace Supergraph.Tests;

/// <summary>
/// The query text as the gateway reads it. Grafbase's parser (cynic-parser 0.10) departs from the GraphQL
/// spec (October 2021, §2.4.1 String Value) on characters beyond U+FFFF: raw, as a surrogate-pair escape or
/// braced, a string literal holding one is an invalid token to it, and in a block string it panics and
/// leaves the request unanswered. The edge refuses such a document itself with a clear error that says what
/// works instead (a variable), so no client meets the panic. The rest of §2.4.1 holds.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class QueryTextTests(SupergraphFixture system)
{
    private const string Search = "{ search(query: \"%\", first: 5) { results { score node { __typename id } } } }";

    [Fact]
    public async Task A_unicode_escape_of_the_basic_plane_is_read_as_its_character()
    {
        var response = await system.Gateway.PostGraphQLAsync("""{ role(slug: "backend-develope\u0072") { name } }""");

        Assert.Equal("Backend Developer", GraphQLAssert.Data(response)["role"]?["name"]?.GetValue<string>());
    }

    /// <summary>
    /// The braced escape is new in the October 2021 edition and GraphQL.NET's parser, which the edge checks
    /// with, does not read it either: the engine's own parse error answers it, a 400 all the same.
    /// </summary>
    [Theory]
    [InlineData("API 😀", "pass that text in a variable")]
    [InlineData("""API \uD83D\uDE00""", "pass that text in a variable")]
    [InlineData("\"\"API 😀\"\"", "pass that text in a variable")]
    [InlineData("""API \u{1F600}""", "invalid token")]
    public async Task A_string_literal_beyond_the_basic_plane_is_refused_with_a_clear_error(string text, string explanation)
    {
        var response = await system.Gateway.PostGraphQLAsync(Search.Replace("%", text, StringComparison.Ordinal));

        var error = GraphQLAssert.Error(response, HttpStatusCode.BadRequest, "OPERATION_PARSING_ERROR", MediaTypes.GraphQLResponse);
        Assert.Contains(explanation, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The same text in a variable searches as the character itself: what the refusal advises works.</summary>
    [Fact]
    public async Task A_character_beyond_the_basic_plane_passes_in_a_variable()
    {
        var response = await system.Gateway.PostGraphQLAsync(
            "query ($q: String!) { search(query: $q, first: 5) { results { node { __typename } } } }", new { q = "API 😀" });

        GraphQLAssert.Data(response);
    }

    [Fact]
    public async Task A_comment_beyond_the_basic_plane_is_read()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ __typename } # 😀");

        Assert.Equal("Query", GraphQLAssert.Data(response)["__typename"]?.GetValue<string>());
    }

    /// <summary>Source text is Unicode scalar values: a lone surrogate is refused, escaped in GraphQL or in the JSON around it.</summary>
    [Theory]
    [InlineData("""{"query": "{ role(slug: \"\\uD83D\") { name } }"}""", "OPERATION_PARSING_ERROR")]
    [InlineData("""{"query": "{ role(slug: \"\uD83D\") { name } }"}""", "INVALID_JSON")]
    public async Task A_lone_surrogate_is_refused(string body, string code)
    {
        var response = await system.Gateway.PostRawAsync(body, MediaTypes.Json);

        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, code, MediaTypes.GraphQLResponse);
    }
}
