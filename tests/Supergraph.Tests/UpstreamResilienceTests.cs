using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Supergraph.Tests;

/// <summary>
/// The glossary's timeout in gateway/grafbase.toml (2 s in this fixture), against a proxy in front of the
/// glossary subgraph that drops, stalls or garbles the calls it is told to. Each fault costs the page only
/// the glossary's fields, at once or after one timeout. Hive Gateway retried a failed query call once; the
/// engine is configured without retries (grafbase.toml says why), so every fault here is one call.
/// </summary>
public sealed class UpstreamResilienceTests(GlossaryBehindProxy system) : IClassFixture<GlossaryBehindProxy>
{
    /// <summary>The fields of the RolePage operation that the glossary resolves.</summary>
    private static readonly string[] GlossaryFieldsOfRolePage = ["describedBy", "termPerspectives"];

    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromMilliseconds(GlossaryBehindProxy.UpstreamTimeoutMs);

    [Fact]
    public async Task A_glossary_call_dropped_once_costs_that_page_only_its_glossary_fields_and_the_next_page_is_complete()
    {
        var normal = await CallsForRolePageAsync();

        system.Proxy.DropNext(1);
        var (response, calls, _) = await RolePageAsync();

        AssertOnlyGlossaryFieldsMissing(response);
        SubgraphFailureAssert.EveryErrorNames("glossary", response);
        Assert.Equal(normal, calls);
        Assert.Equal(normal, await CallsForRolePageAsync());
    }

    [Theory]
    [InlineData("before its headers")]
    [InlineData("in its body")]
    public async Task A_glossary_call_that_stalls_past_its_timeout_is_abandoned_and_costs_only_its_fields(string where)
    {
        var normal = await CallsForRolePageAsync();

        if (where == "in its body")
        {
            system.Proxy.StallBodyOfNext(1, TimeSpan.FromSeconds(60));
        }
        else
        {
            system.Proxy.StallNext(1, TimeSpan.FromSeconds(60));
        }

        var (response, calls, elapsed) = await RolePageAsync();

        AssertOnlyGlossaryFieldsMissing(response);
        SubgraphFailureAssert.EveryErrorNames("glossary", response);
        Assert.Equal(normal, calls);
        // Cut off by the glossary's timeout, far from the gateway's 30 s that answers no data at all.
        Assert.InRange(elapsed, UpstreamTimeout, UpstreamTimeout + TimeSpan.FromSeconds(5));
        Assert.Equal(normal, await CallsForRolePageAsync());
    }

    // Development mode: the engine's error is the one production gets (PartialFailureTests), with no cause.
    [Fact]
    public async Task A_glossary_that_keeps_failing_is_called_once_per_call_then_only_its_fields_are_missing_with_errors_that_name_it()
    {
        var normal = await CallsForRolePageAsync();

        var result = await RolePageWhileAsync(system.Proxy.DropNext);

        AssertOnlyGlossaryFieldsMissing(result.Response);
        SubgraphFailureAssert.EveryErrorNames("glossary", result.Response);
        Assert.DoesNotContain("reset", result.Response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(normal, result.Calls);
    }

    // The engine's error for an answer it cannot read does not name the subgraph (it has no place for the
    // name but the message, which it keeps generic); its path still points at each field left missing.
    [Fact]
    public async Task A_glossary_answer_that_is_not_a_graphql_result_costs_only_its_fields_with_errors_at_them()
    {
        var result = await RolePageWhileAsync(system.Proxy.GarbleNext);

        AssertOnlyGlossaryFieldsMissing(result.Response);
        Assert.All(result.Response.Errors!, error =>
        {
            Assert.Equal("Invalid response from subgraph", error!["message"]!.GetValue<string>());
            Assert.Equal("SUBGRAPH_INVALID_RESPONSE_ERROR", error["extensions"]!["code"]!.GetValue<string>());
            SubgraphFailureAssert.NullAt(result.Response, error["path"]!.AsArray());
        });

        // The answer is not passed on, not even its first characters.
        Assert.DoesNotContain(FaultyProxy.GarbledBody, result.Response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", result.Response.Body, StringComparison.Ordinal);
    }

    // Hive's timeout error carried the subgraph's URL and the request's body; the engine's is the error of
    // any failed call, and the partial result stays 200.
    [Fact]
    public async Task A_glossary_that_keeps_timing_out_is_named_in_the_error_without_the_request_the_gateway_sent()
    {
        var result = await RolePageWhileAsync(count => system.Proxy.StallNext(count, TimeSpan.FromSeconds(60)));

        AssertOnlyGlossaryFieldsMissing(result.Response);
        SubgraphFailureAssert.EveryErrorNames("glossary", result.Response);
        Assert.DoesNotContain(system.Proxy.Url.Authority, result.Response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("_entities", result.Response.Body, StringComparison.Ordinal);
        // Both glossary calls of the page stall, the second from when the patterns answered: about one timeout in all.
        Assert.InRange(result.Elapsed, UpstreamTimeout, UpstreamTimeout + TimeSpan.FromSeconds(5));
    }

    /// <summary>The role page while every glossary call meets the fault that <paramref name="faultNext"/> sets for that many calls.</summary>
    private async Task<(GraphQLResponse Response, int Calls, TimeSpan Elapsed)> RolePageWhileAsync(Action<int> faultNext)
    {
        faultNext(int.MaxValue);
        try
        {
            return await RolePageAsync();
        }
        finally
        {
            faultNext(0);
        }
    }

    /// <summary>The page is 200 with the roles and patterns data, and an error at each glossary field it lacks.</summary>
    private static void AssertOnlyGlossaryFieldsMissing(GraphQLResponse response)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var role = response.Data?["role"];
        Assert.True(role?["name"]?.GetValue<string>() == "Backend Developer" && role["favouredPatterns"] is JsonArray { Count: > 0 }, response.ToString());
        Assert.NotEmpty(response.Errors!);
        Assert.All(response.Errors!, error => Assert.Contains(error!["path"]!.AsArray()[^1]!.GetValue<string>(), GlossaryFieldsOfRolePage));
    }

    private async Task<int> CallsForRolePageAsync()
    {
        var (response, calls, _) = await RolePageAsync();
        AssertComplete(response);
        return calls;
    }

    private async Task<(GraphQLResponse Response, int Calls, TimeSpan Elapsed)> RolePageAsync()
    {
        var before = system.Proxy.Calls;
        var clock = Stopwatch.StartNew();
        var response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" });
        return (response, system.Proxy.Calls - before, clock.Elapsed);
    }

    private static void AssertComplete(GraphQLResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString());
        Assert.True(response.Data?["role"]?["termPerspectives"] is JsonArray { Count: > 0 }, response.ToString());
    }
}

/// <summary>
/// A request the engine cuts off at its own whole-request timeout (<c>[gateway] timeout</c>), here below the
/// glossary's: the engine answers errors alone, and the edge gives the execution that had started its data
/// entry, null, which GraphQL over HTTP makes a partial response (200), not a request error.
/// </summary>
public sealed class GatewayTimeoutTests(GatewayTimeoutTests.ShortGatewayTimeoutSystem system) : IClassFixture<GatewayTimeoutTests.ShortGatewayTimeoutSystem>
{
    [Theory]
    [InlineData(MediaTypes.GraphQLResponse)]
    [InlineData(MediaTypes.Json)]
    public async Task A_request_the_engine_cuts_off_at_its_own_timeout_still_has_data_which_is_null(string accept)
    {
        system.Proxy.StallNext(int.MaxValue, TimeSpan.FromSeconds(60));
        GraphQLResponse response;
        try
        {
            response = await system.Gateway.PostGraphQLAsync(Operations.Load("RolePage"), new { slug = "backend-developer" }, accept);
        }
        finally
        {
            system.Proxy.StallNext(0, TimeSpan.Zero);
        }

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(accept, response.MediaType);
        Assert.True(response.Json is JsonObject body && body.TryGetPropertyValue("data", out var data) && data is null, response.ToString());
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("GATEWAY_TIMEOUT", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal(response.CorrelationId, error["extensions"]?["correlationId"]?.GetValue<string>());
    }

    /// <summary>
    /// The glossary behind its proxy, with the engine's whole-request timeout at 1 s, below the subgraphs'
    /// (a <c>[gateway]</c> table added to the config).
    /// </summary>
    public sealed class ShortGatewayTimeoutSystem : GlossaryBehindProxy
    {
        protected override string Configure(string grafbaseToml)
        {
            Require(!grafbaseToml.Contains("[gateway]", StringComparison.Ordinal), "gateway/grafbase.toml has a [gateway] table of its own now: set its timeout there");
            return "[gateway]\ntimeout = \"1s\"\n\n" + base.Configure(grafbaseToml);
        }
    }
}

/// <summary>
/// An HTTP proxy to one GraphQL endpoint that counts the calls through it and, on request, drops the
/// connection of the next N calls or stalls them (before the answer, or in the middle of its body), as a
/// restarting or hanging subgraph would.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private int _calls;
    private int _faultsLeft;
    private TimeSpan _stall;
    private Fault _fault;
    private TaskCompletionSource _heldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _heldReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What a faulted call meets.</summary>
    private enum Fault { Drop, StallBeforeAnswer, StallInBody, Garble, Hold }

    private FaultyProxy(Uri target)
    {
        _target = target;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<FaultyProxy> StartAsync(Uri target)
    {
        var proxy = new FaultyProxy(target);
        await proxy._app.StartAsync();
        proxy.Url = new Uri(proxy._app.Urls.Single().TrimEnd('/') + "/graphql");
        return proxy;
    }

    /// <summary>What a garbled call answers, with 200 and application/json: a page from something that is not the subgraph.</summary>
    public const string GarbledBody = "<html>502 from a misconfigured load balancer</html>";

    /// <summary>The next <paramref name="count"/> calls get their connection reset (0 ends the faults).</summary>
    public void DropNext(int count) => SetFaults(count, Fault.Drop);

    /// <summary>The next <paramref name="count"/> calls get 200 with <see cref="GarbledBody"/> (0 ends the faults).</summary>
    public void GarbleNext(int count) => SetFaults(count, Fault.Garble);

    /// <summary>The next <paramref name="count"/> calls wait <paramref name="stall"/> before they are forwarded.</summary>
    public void StallNext(int count, TimeSpan stall) => SetFaults(count, Fault.StallBeforeAnswer, stall);

    /// <summary>The next <paramref name="count"/> calls get the status, the headers and half the body, then wait <paramref name="stall"/>.</summary>
    public void StallBodyOfNext(int count, TimeSpan stall) => SetFaults(count, Fault.StallInBody, stall);

    /// <summary>
    /// The next call waits, before it is forwarded, until <see cref="ReleaseHeld"/> (or the gateway gives up);
    /// the task completes when that call has arrived, so a test knows the request is in flight.
    /// </summary>
    public Task HoldNext()
    {
        _heldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _heldReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
        SetFaults(1, Fault.Hold);
        return _heldArrived.Task;
    }

    /// <summary>Lets the call held by <see cref="HoldNext"/> go on, and ends that fault if no call took it.</summary>
    public void ReleaseHeld()
    {
        _heldReleased.TrySetResult();
        if (_fault == Fault.Hold)
        {
            SetFaults(0, Fault.Hold);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private void SetFaults(int count, Fault fault, TimeSpan stall = default)
    {
        _fault = fault;
        _stall = stall;
        Volatile.Write(ref _faultsLeft, count);
    }

    private async Task HandleAsync(HttpContext http)
    {
        // The gateway's readiness probe of the subgraph passes through untouched and uncounted.
        if (http.Request.Path != _target.AbsolutePath)
        {
            using var probe = await _upstream.GetAsync(new Uri(_target, http.Request.Path.Value), http.RequestAborted);
            http.Response.StatusCode = (int)probe.StatusCode;
            return;
        }

        Interlocked.Increment(ref _calls);
        var fault = TakeFault() ? _fault : (Fault?)null;
        switch (fault)
        {
            case Fault.Drop:
                http.Abort();
                return;
            case Fault.Garble:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(GarbledBody);
                return;
            case Fault.StallBeforeAnswer when !await StallAsync(http):
                return;
            case Fault.Hold when !await HoldAsync(http):
                return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), _target) { Content = new StreamContent(http.Request.Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
        foreach (var header in new[] { "Accept", "X-Correlation-Id", "Authorization" })
        {
            if (http.Request.Headers.TryGetValue(header, out var value))
            {
                request.Headers.TryAddWithoutValidation(header, value.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        if (fault != Fault.StallInBody)
        {
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        if (await StallAsync(http))
        {
            await http.Response.Body.WriteAsync(body.AsMemory(body.Length / 2), http.RequestAborted);
        }
    }

    /// <summary>Waits out the stall; false when the gateway gave up first, as it should.</summary>
    private async Task<bool> StallAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(_stall, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the test releases the call; false when the gateway gave up first.</summary>
    private async Task<bool> HoldAsync(HttpContext http)
    {
        _heldArrived.TrySetResult();
        try
        {
            await _heldReleased.Task.WaitAsync(http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private bool TakeFault()
    {
        while (true)
        {
            var left = Volatile.Read(ref _faultsLeft);
            if (left <= 0)
            {
                return false;
            }

            if (left == int.MaxValue || Interlocked.CompareExchange(ref _faultsLeft, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
