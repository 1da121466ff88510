using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Supergraph.Tests;

/// <summary>
/// The typed client of clients/typescript/ is generated from the contract and committed: it must match what
/// GraphQL Code Generator writes from schema/api.graphql and schema/operations/ today, type-check with the
/// web page over it, and its persisted-documents manifest is the one the gateway serves.
/// </summary>
public sealed class TypedClientTests
{
    private static readonly string Clients = Repo.Path("clients");

    [Fact]
    public async Task Committed_client_is_what_the_generator_writes_from_the_contract()
    {
        var check = await Command.RunAsync("npm", ["run", "--silent", "codegen", "--", "--check"], Clients);

        Assert.True(check.ExitCode == 0, "The typed client is stale: run `npm run codegen` in clients/ and commit clients/typescript/src/generated/.\n" + check.Output);
    }

    [Fact]
    public async Task Client_and_web_page_type_check()
    {
        var typecheck = await Command.RunAsync("npm", ["run", "--silent", "typecheck"], Clients);

        Assert.True(typecheck.ExitCode == 0, typecheck.Output);
    }

    [Fact]
    public void Manifest_holds_each_trusted_operation_once_under_the_sha256_of_its_document()
    {
        var operations = Directory.GetFiles(Repo.Path("schema", "operations"), "*.graphql").Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Equal(operations.Count, Operations.PersistedDocuments.Count);
        Assert.All(operations, name => Assert.StartsWith("sha256:", Operations.IdOf(name!), StringComparison.Ordinal));
        Assert.All(Operations.PersistedDocuments, entry => Assert.Equal(
            entry.Key,
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Value)))));
    }
}

/// <summary>Outside trusted-documents-only mode the gateway also runs a trusted operation by its id, as the web page sends it.</summary>
[Collection(SharedSupergraph.Name)]
public sealed class PersistedDocumentIdTests(SupergraphFixture system)
{
    [Theory]
    [InlineData("ComparisonTable", "{}")]
    [InlineData("RolePage", """{"slug":"api-first-developer"}""")]
    public async Task Id_runs_the_same_operation_as_its_text(string operation, string variablesJson)
    {
        var variables = JsonSerializer.Deserialize<JsonElement>(variablesJson);

        var byId = await system.Gateway.PostRawAsync(JsonSerializer.Serialize(new { documentId = Operations.IdOf(operation), variables }), MediaTypes.Json);
        var byText = await system.Gateway.PostGraphQLAsync(Operations.Load(operation), variables);

        Assert.True(byId.Status == HttpStatusCode.OK && byId.Errors is null && byId.Data is not null, byId.ToString());
        // The generator prints the document with its fields sorted, so the same data comes in another key order.
        Assert.True(JsonNode.DeepEquals(byText.Data, byId.Data), $"by id: {byId.Data}\nby text: {byText.Data}");
    }

    [Fact]
    public async Task Unknown_id_without_a_query_gets_persisted_query_not_found()
    {
        var response = await system.Gateway.PostRawAsync(JsonSerializer.Serialize(new { documentId = "sha256:" + new string('0', 64) }), MediaTypes.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Assert.Single(response.Errors!)?["extensions"]?["code"]?.GetValue<string>());
    }
}
