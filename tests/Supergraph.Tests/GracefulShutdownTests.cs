using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// SIGTERM, as an orchestrator sends it, to a subgraph or to the gateway (one process, or forked
/// workers) while a request is in flight: new connections are refused at once, the request in flight
/// still gets all its data, and the process (with every worker) exits with code 0 within its drain time.
/// </summary>
public sealed class GracefulShutdownTests(GlossaryBehindProxy system, ITestOutputHelper output) : IClassFixture<GlossaryBehindProxy>
{
    /// <summary>HostOptions.ShutdownTimeout of every subgraph (SubgraphHostingExtensions) and the gateway's gracefulShutdownTimeout.</summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    private const string RolesQuery = "{ roles(first: 50) { totalCount nodes { slug name tools { name } } } }";

    [Fact]
    public async Task On_sigterm_a_subgraph_refuses_new_connections_finishes_the_request_in_flight_and_exits_with_0()
    {
        var roles = system.SubgraphProcess("Roles");
        var url = system.SubgraphUrl("Roles");
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = url };
        var expected = GraphQLAssert.Data(await client.PostGraphQLAsync(RolesQuery));

        // The request is held inside the endpoint: its headers ask "Expect: 100-continue", Kestrel sends
        // "100 Continue" only when the endpoint starts reading the body, and the body is sent after the
        // SIGTERM. So the whole execution, SQL included, happens while the subgraph shuts down.
        var body = new HeldBackContent(new JsonObject { ["query"] = RolesQuery }.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttpClientExtensions.Endpoint) { Content = body };
        request.Headers.ExpectContinue = true;
        var inFlight = client.SendGraphQLAsync(request, MediaTypes.GraphQLResponse);
        await body.Requested.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await AcceptsConnectionsAsync(url.Port), "the subgraph refused connections before the SIGTERM");

        try
        {
            var clock = Stopwatch.StartNew();
            roles.Terminate();
            var refusedAfter = await RefusedWithinAsync(url.Port, TimeSpan.FromSeconds(5));
            Assert.False(inFlight.IsCompleted, "the request in flight ended before its body was sent");
            body.Release();
            var response = await inFlight;
            var answeredAfter = clock.Elapsed;
            var exited = roles.WaitForExit(DrainTime);
            var exitedAfter = clock.Elapsed;

            output.WriteLine($"after SIGTERM: connections refused at {refusedAfter.TotalMilliseconds:0} ms, request in flight answered at {answeredAfter.TotalMilliseconds:0} ms, process exited at {exitedAfter.TotalMilliseconds:0} ms");
            Assert.Equal(expected.ToJsonString(), GraphQLAssert.Data(response).ToJsonString());
            Assert.True(exited, "the subgraph did not exit within its drain time after SIGTERM:\n" + roles.Output);
            Assert.True(roles.ExitCode == 0, $"exit code {roles.ExitCode}:\n{roles.Output}");
        }
        finally
        {
            body.Release();
            await system.RestartSubgraphAsync("Roles");
        }
    }

    /// <param name="workers">1: one process, as run.sh starts it; 2: <c>--fork 2</c>, a primary and two workers.</param>
    /// <param name="ctrlC">
    /// SIGINT to the gateway and its workers at once, as a terminal sends Ctrl+C to its process group;
    /// the primary then passes the signal on, so each worker gets it twice. Otherwise SIGTERM to the gateway only.
    /// </param>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public async Task On_sigterm_or_ctrl_c_the_gateway_refuses_new_connections_finishes_the_request_in_flight_and_exits_with_0(int workers, bool ctrlC)
    {
        if (workers > 1)
        {
            await system.RestartGatewayAsync(workers);
        }

        var gateway = system.GatewayProcess;
        var workerIds = gateway.ChildIds;
        Assert.Equal(workers > 1 ? workers : 0, workerIds.Count);
        var before = system.Proxy.Calls;

        // The request is held at the glossary, behind the proxy, for 1.5 s (under the 2 s upstream timeout).
        system.Proxy.StallNext(1, TimeSpan.FromMilliseconds(1500));
        var inFlight = system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (system.Proxy.Calls == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(system.Proxy.Calls > before, "the gateway never called the glossary");
        try
        {
            var clock = Stopwatch.StartNew();
            if (ctrlC)
            {
                gateway.Interrupt();
            }
            else
            {
                gateway.Terminate();
            }

            var signal = ctrlC ? "SIGINT" : "SIGTERM";
            var refusedAfter = await RefusedWithinAsync(system.GatewayUrl.Port, TimeSpan.FromSeconds(5));
            Assert.False(inFlight.IsCompleted, "the request in flight ended before new connections were refused");
            var response = await inFlight;
            var answeredAfter = clock.Elapsed;
            var exited = gateway.WaitForExit(DrainTime);
            var exitedAfter = clock.Elapsed;

            output.WriteLine($"after {signal}: connections refused at {refusedAfter.TotalMilliseconds:0} ms, request in flight answered at {answeredAfter.TotalMilliseconds:0} ms, process exited at {exitedAfter.TotalMilliseconds:0} ms");
            Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
            Assert.True(response.Data?["role"]?["termPerspectives"] is JsonArray { Count: > 0 }, response.ToString());
            Assert.True(exited, $"the gateway did not exit within its drain time after {signal}:\n" + gateway.Output);
            Assert.True(gateway.ExitCode == 0, $"exit code {gateway.ExitCode}:\n{gateway.Output}");
            Assert.True(workerIds.All(worker => !Directory.Exists($"/proc/{worker}")), "a forked worker outlived the gateway:\n" + gateway.Output);
        }
        finally
        {
            await system.RestartGatewayAsync();
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        // A reset is a refusal too: on a loaded machine the kernel can take the probe's SYN into the
        // listen queue just before the server closes its socket, and then answers it with RST.
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return false;
        }
    }

    /// <summary>How long after the call a connection to the port was first refused; fails after <paramref name="timeout"/>.</summary>
    private static async Task<TimeSpan> RefusedWithinAsync(int port, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await AcceptsConnectionsAsync(port))
        {
            Assert.True(clock.Elapsed < timeout, $"port {port} still accepted connections {timeout} after SIGTERM");
            await Task.Delay(10);
        }

        return clock.Elapsed;
    }

    /// <summary>A JSON body that is written only after the server asks for it and the test releases it.</summary>
    private sealed class HeldBackContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBackContent(string json)
        {
            _body = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MediaTypes.Json);
        }

        /// <summary>Completes when the server has answered "100 Continue": the endpoint is reading the body.</summary>
        public Task Requested => _requested.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _requested.TrySetResult();
            await _released.Task;
            await stream.WriteAsync(_body);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
