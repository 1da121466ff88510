using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// Small, well-formed requests built to cost a subgraph far more than they cost to send: fragments that
/// multiply, chains of fragments, inputs nested a thousand levels, an operation type the schema lacks.
/// Each is refused before validation or coercion starts, with its own code and 400 under
/// graphql-response+json, never with a 5xx, a stack overflow, or minutes of CPU (the exponential
/// documents here took the old code longer than the client's 100 s timeout).
/// </summary>
public abstract class AbusiveRequestTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    /// <summary>2^30 copies of the first fragment once spread in place, in about 1 KB.</summary>
    private const int Doublings = 30;

    private const string SpreadsOnly = "spreads only";
    private const string WithFieldsAndAliases = "a field and an alias beside the spreads";
    private const string InsideNestedSelections = "spread inside a list's nodes";

    protected HttpClient Client { get; } = factory.CreateClient();

    /// <summary>A list field cycle of this subgraph: its root connection is filtered and nested into.</summary>
    protected abstract ListCycle Lists { get; }

    [Theory]
    [InlineData(SpreadsOnly)]
    [InlineData(WithFieldsAndAliases)]
    [InlineData(InsideNestedSelections)]
    public async Task Fragments_that_each_spread_the_last_twice_are_400_max_fields_exceeded(string shape)
    {
        var document = shape == InsideNestedSelections
            ? DoublingFragments(await NodeTypeAsync(), "__typename") + $" {{ {Lists.Root} {{ nodes {{ ...F{Doublings} }} }} }}"
            : DoublingFragments("Query", $"__typename {Lists.Root} {{ nodes {{ __typename }} }}", shape == WithFieldsAndAliases) + $" {{ ...F{Doublings} }}";

        var response = await Client.PostGraphQLAsync(document);

        AssertRefused(response, "MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task A_chain_of_100_fragments_is_400_max_depth_exceeded()
    {
        var response = await Client.PostGraphQLAsync(FragmentChain(100, "{0}"));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Inline_fragments_nested_through_a_chain_of_fragments_are_400_max_depth_exceeded()
    {
        var response = await Client.PostGraphQLAsync(FragmentChain(30, "... {{ ... {{ {0} }} }}"));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    /// <summary>The old code recursed once per fragment in validation and overflowed the stack, which ended the process.</summary>
    [Fact]
    public async Task A_chain_of_5000_fragments_under_a_raised_token_limit_is_400_not_a_stack_overflow()
    {
        using var lenient = factory.WithWebHostBuilder(builder => builder
            .UseSetting("GraphQL:Limits:MaxTokens", "100000")
            .UseSetting("GraphQL:MaxRequestBodyBytes", "1000000"));
        using var client = lenient.CreateClient();

        var response = await client.PostGraphQLAsync(FragmentChain(5000, "{0}"));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(1000)]
    [InlineData(5000)] // 10,000 levels, in 100 KB
    public async Task A_filter_variable_with_nested_and_filters_over_16_levels_is_400_max_input_depth_exceeded(int nestedAnds)
    {
        var response = await PostFilterVariableAsync(NestedAnd(nestedAnds));

        AssertRefused(response, "MAX_INPUT_DEPTH_EXCEEDED");
    }

    /// <summary>Seven nested <c>and</c> lists of objects, and the condition's own two levels: 16, the limit.</summary>
    [Fact]
    public async Task A_filter_variable_16_levels_deep_runs()
    {
        var data = GraphQLAssert.Data(await PostFilterVariableAsync(NestedAnd(7)));

        Assert.Equal(0, data[Lists.Root]?["totalCount"]?.GetValue<int>());
    }

    [Fact]
    public async Task A_variable_of_arrays_nested_1000_deep_is_400_max_input_depth_exceeded()
    {
        var arrays = new string('[', 1000) + "\"x\"" + new string(']', 1000);

        var response = await PostFilterVariableAsync("""{"slug": {"in": """ + arrays + "}}");

        AssertRefused(response, "MAX_INPUT_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Nested_variables_over_get_are_400_max_input_depth_exceeded()
    {
        var query = $"query ($where: {await FilterTypeAsync()}) {{ {Lists.Root}(where: $where) {{ totalCount }} }}";

        var response = await Client.GetGraphQLAsync(query, $$"""{"where": {{NestedAnd(100)}}}""");

        AssertRefused(response, "MAX_INPUT_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_literal_filter_nested_over_16_levels_is_400_max_input_depth_exceeded()
    {
        var literal = string.Concat(Enumerable.Repeat("{ and: [", 10)) + "{ slug: { eq: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", 10));

        var response = await Client.PostGraphQLAsync($"{{ {Lists.Root}(where: {literal}) {{ totalCount }} }}");

        AssertRefused(response, "MAX_INPUT_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_subscription_is_400_operation_type_not_supported()
    {
        var response = await Client.PostGraphQLAsync($"subscription {{ {Lists.Root} {{ totalCount }} }}");

        AssertRefused(response, "OPERATION_TYPE_NOT_SUPPORTED");
    }

    private static void AssertRefused(GraphQLResponse response, string code)
    {
        GraphQLAssert.Error(response, HttpStatusCode.BadRequest, code, MediaTypes.GraphQLResponse);
        Assert.Null(response.Data);
    }

    /// <summary>Fragments F0 (<paramref name="selection"/>) to F30 on <paramref name="type"/>, each spreading the one before twice.</summary>
    private static string DoublingFragments(string type, string selection, bool withFieldsAndAliases = false) =>
        $"fragment F0 on {type} {{ {selection} }} " + string.Join(" ", Enumerable.Range(1, Doublings).Select(i =>
            $"fragment F{i} on {type} {{ ...F{i - 1} ...F{i - 1}{(withFieldsAndAliases ? $" __typename a{i}: __typename" : "")} }}"));

    /// <summary>A query spreading F0, where each fragment Fi holds <paramref name="wrapping"/> around a spread of the next.</summary>
    private static string FragmentChain(int length, string wrapping) =>
        "{ ...F0 } " + string.Join(" ", Enumerable.Range(0, length).Select(i =>
            "fragment F" + i + " on Query { " + string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapping, "...F" + (i + 1)) + " }"))
        + $" fragment F{length} on Query {{ __typename }}";

    /// <summary>A filter of <paramref name="levels"/> nested <c>and</c> lists, each two levels (a list and an object), as JSON.</summary>
    private static string NestedAnd(int levels) =>
        string.Concat(Enumerable.Repeat("""{"and":[""", levels)) + """{"slug": {"eq": "x"}}""" + string.Concat(Enumerable.Repeat("]}", levels));

    /// <summary>POSTs the root connection's totalCount, filtered by <paramref name="whereJson"/> as a variable, written as raw JSON.</summary>
    private async Task<GraphQLResponse> PostFilterVariableAsync(string whereJson)
    {
        var query = $"query ($where: {await FilterTypeAsync()}) {{ {Lists.Root}(where: $where) {{ totalCount }} }}";
        return await Client.PostRawAsync($$"""{"query": {{JsonSerializer.Serialize(query)}}, "variables": {"where": """ + whereJson + "}}", MediaTypes.Json);
    }

    /// <summary>The type of the root connection's nodes, such as Role; the kit names its filter input after it.</summary>
    private async Task<string> NodeTypeAsync()
    {
        var data = GraphQLAssert.Data(await Client.PostGraphQLAsync($"{{ {Lists.Root}(first: 1) {{ nodes {{ __typename }} }} }}"));
        return data[Lists.Root]!["nodes"]![0]!["__typename"]!.GetValue<string>();
    }

    private async Task<string> FilterTypeAsync() => await NodeTypeAsync() + "FilterInput";
}
