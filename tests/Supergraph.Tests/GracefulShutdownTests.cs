using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// SIGTERM, as an orchestrator sends it, to a subgraph or to the gateway while a request is in flight:
/// new connections are refused at once, the request in flight still gets all its data, and the process
/// (with the gateway's engine) exits with code 0 within its drain time.
/// </summary>
public sealed class GracefulShutdownTests(GracefulShutdownTests.GlossaryHeldBehindProxy system, ITestOutputHelper output) : IClassFixture<GracefulShutdownTests.GlossaryHeldBehindProxy>
{
    /// <summary>HostOptions.ShutdownTimeout of every subgraph (SubgraphHostingExtensions) and of the edge.</summary>
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

    /// <param name="ctrlC">
    /// SIGINT, as a terminal sends Ctrl+C to its process group (the engine is outside it: the edge starts
    /// it with setsid, and stops it itself after draining); otherwise SIGTERM, as an orchestrator sends it.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_sigterm_or_ctrl_c_the_gateway_refuses_new_connections_finishes_the_request_in_flight_stops_its_engine_and_exits_with_0(bool ctrlC)
    {
        var gateway = system.GatewayProcess;
        var engine = Assert.Single(gateway.ChildIds);

        // The request is held at the glossary, behind the proxy, from before the signal until new connections
        // are refused: the edge, the engine and the engine's call to a subgraph are all in flight.
        var held = system.Proxy.HoldNext();
        var inFlight = system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
        try
        {
            var first = await Task.WhenAny(held, inFlight).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(first == held, "the request ended without calling the glossary: " + (first == inFlight ? await inFlight : null));
            Assert.True(await AcceptsConnectionsAsync(system.GatewayUrl.Port), "the gateway refused connections before the signal");
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
            system.Proxy.ReleaseHeld();
            var response = await inFlight;
            var answeredAfter = clock.Elapsed;
            var exited = gateway.WaitForExit(DrainTime);
            var exitedAfter = clock.Elapsed;

            output.WriteLine($"after {signal}: connections refused at {refusedAfter.TotalMilliseconds:0} ms, request in flight answered at {answeredAfter.TotalMilliseconds:0} ms, process exited at {exitedAfter.TotalMilliseconds:0} ms");
            Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
            Assert.True(response.Data?["role"]?["termPerspectives"] is JsonArray { Count: > 0 }, response.ToString());
            Assert.True(exited, $"the gateway did not exit within its drain time after {signal}:\n" + gateway.Output);
            Assert.True(gateway.ExitCode == 0, $"exit code {gateway.ExitCode}:\n{gateway.Output}");
            Assert.False(Directory.Exists($"/proc/{engine}"), "the engine outlived the edge:\n" + gateway.Output);
        }
        finally
        {
            system.Proxy.ReleaseHeld();
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

    /// <summary>
    /// The system with the gateway reaching the glossary through a <see cref="FaultyProxy"/>, at the committed
    /// subgraph timeout (5 s): a call held there until the port is refused must outlast a slow signal on a
    /// loaded machine, which <see cref="GlossaryBehindProxy"/>'s 2 s would cut off.
    /// </summary>
    public sealed class GlossaryHeldBehindProxy : GlossaryBehindProxy
    {
        protected override int SubgraphTimeoutSeconds => 5;
    }
}
