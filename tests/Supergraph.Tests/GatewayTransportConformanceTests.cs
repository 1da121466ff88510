using System.Net;

namespace Supergraph.Tests;

/// <summary>
/// The gateway keeps the subgraphs' GraphQL-over-HTTP contract (<see cref="GraphQLOverHttpConformanceTests"/>,
/// made so by gateway/plugins: accept-negotiation, http-methods, request-parameters,
/// query-only-over-get, request-error-status), in production mode as deployed. Where it differs on
/// purpose, a test here says how.
/// </summary>
[Collection(SharedProductionSupergraph.Name)]
public sealed class GatewayTransportConformanceTests(ProductionSystem system) : GraphQLOverHttpConformanceTests
{
    protected override HttpClient Client => system.Gateway;

    /// <summary>graphql-js names every validation failure alike (Apollo's code); GraphQL.NET names the rule.</summary>
    protected override string UnknownFieldCode => "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The refusals answered before Yoga runs carry the correlation id too, in the header and the error.</summary>
    [Fact]
    public async Task Early_refusals_carry_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, GraphQLHttpClientExtensions.Endpoint);
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "transport-refusal-1");

        var response = await Client.SendGraphQLAsync(request, "text/plain");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("transport-refusal-1", response.CorrelationId);
        Assert.Equal("transport-refusal-1", response.Errors?[0]?["extensions"]?["correlationId"]?.GetValue<string>());
    }

    /// <summary>OPTIONS is a CORS preflight, which Yoga answers; the subgraphs, never called from a browser, refuse it.</summary>
    [Fact]
    public async Task Options_is_answered_as_a_cors_preflight()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, GraphQLHttpClientExtensions.Endpoint);
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost:3000");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
