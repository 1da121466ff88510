using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// The gateway with TRUSTED_DOCUMENTS=1 runs only the operations of schema/operations/, by the ids of the typed
/// client's persisted-documents manifest.
/// </summary>
public sealed class TrustedDocumentsTests(TrustedDocumentsTests.TrustedSystem system) : IClassFixture<TrustedDocumentsTests.TrustedSystem>
{
    [Fact]
    public async Task Known_document_id_runs_the_trusted_operation()
    {
        var hex = Operations.IdOf("ComparisonTable")["sha256:".Length..];

        var response = await PostExtensionsAsync(new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hex } });

        Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
        Assert.Equal(8, response.Data!["comparisonTable"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_document_id_gets_a_clear_persisted_query_not_found_error()
    {
        var response = await PostExtensionsAsync(new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = new string('0', 64) } });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains("Unknown persisted document", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arbitrary_query_is_rejected()
    {
        var response = await system.Gateway.PostGraphQLAsync("{ roles { nodes { name } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Equal("PERSISTED_QUERY_ONLY", Assert.Single(response.Errors!)?["extensions"]?["code"]?.GetValue<string>());
    }

    private Task<GraphQLResponse> PostExtensionsAsync(JsonObject extensions) =>
        system.Gateway.PostRawAsync(new JsonObject { ["extensions"] = extensions }.ToJsonString(), MediaTypes.Json);

    public sealed class TrustedSystem : SupergraphFixture
    {
        protected override IReadOnlyDictionary<string, string> GatewayEnvironment { get; } =
            new Dictionary<string, string> { ["TRUSTED_DOCUMENTS"] = "1" };

        /// <summary>By the id the typed client sends, as GraphQL over HTTP's documentId.</summary>
        protected override Task<GraphQLResponse> PostOperationAsync(string operation, object variables) =>
            Gateway.PostRawAsync(JsonSerializer.Serialize(new { documentId = Operations.IdOf(operation), variables }), MediaTypes.Json);
    }
}
