using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Supergraph.Tests;

/// <summary>
/// The gateway keeps the subgraphs' GraphQL-over-HTTP contract (<see cref="GraphQLOverHttpConformanceTests"/>;
/// the edge's GraphQLRequestGate refuses through the kit's GraphQLHttpRefusal, the engine does the rest),
/// in production mode as deployed. Where it differs on purpose, a test here says how.
/// </summary>
[Collection(SharedProductionSupergraph.Name)]
public sealed class GatewayTransportConformanceTests(ProductionSystem system) : GraphQLOverHttpConformanceTests
{
    protected override HttpClient Client => system.Gateway;

    /// <summary>Grafbase's engine names every validation failure alike; GraphQL.NET names the rule.</summary>
    protected override string UnknownFieldCode => "OPERATION_VALIDATION_ERROR";

    /// <summary>The refusals the edge answers itself carry the correlation id too, in the header and the error.</summary>
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

    /// <summary>
    /// OPTIONS is a CORS preflight, which the engine answers from grafbase.toml's [cors]; the subgraphs,
    /// never called from a browser, refuse it.
    /// </summary>
    [Fact]
    public async Task Options_is_answered_as_a_cors_preflight()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, GraphQLHttpClientExtensions.Endpoint);
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost:3000");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type");

        using var response = await Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A 413 leaves the connection usable: the rest of the body is read and dropped, and the next
    /// request on the same connection is answered. Before, an oversized chunked body got a 413 that
    /// said keep-alive and then a reset, so a pooling client's next request failed (seen in CI). Raw
    /// TCP, because HttpClient hides which connection it uses.
    /// </summary>
    [Theory]
    [InlineData("Content-Length")]
    [InlineData("Transfer-Encoding: chunked")]
    public async Task After_an_oversized_body_the_same_connection_answers_the_next_request(string framing)
    {
        var padding = new string('x', 300 * 1024);
        var oversized = $$$"""{"query": "{ __typename }", "variables": {"padding": "{{{padding}}}"}}""";
        var chunked = framing.StartsWith("Transfer-Encoding", StringComparison.Ordinal);
        const string next = """{"query": "{ __typename }"}""";
        var requests =
            "POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json\r\n"
            + (chunked ? $"{framing}\r\n\r\n{oversized.Length:x}\r\n{oversized}\r\n0\r\n\r\n" : $"Content-Length: {oversized.Length}\r\n\r\n{oversized}")
            + $"POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {next.Length}\r\n\r\n{next}";

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(system.GatewayUrl.Host, system.GatewayUrl.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requests), timeout.Token);
        using var answers = new MemoryStream();
        await stream.CopyToAsync(answers, timeout.Token);

        // A response's body runs straight into the next status line: match the lines, not split.
        var statusLines = Regex.Matches(Encoding.UTF8.GetString(answers.ToArray()), @"HTTP/1\.1 \d{3}").Select(match => match.Value);
        Assert.Equal(["HTTP/1.1 413", "HTTP/1.1 200"], statusLines);
    }
}
