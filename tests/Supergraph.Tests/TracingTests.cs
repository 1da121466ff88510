using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SubgraphKit.Hosting;
using SubgraphKit.Telemetry;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>The system with every process exporting its traces to an <see cref="OtlpTraceReceiver"/> of the test's own.</summary>
public sealed class TracedSystem : SupergraphFixture
{
    public OtlpTraceReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string> GatewayEnvironment => Exporting;

    protected override IReadOnlyDictionary<string, string> SubgraphEnvironment => Exporting;

    // A short batch delay (the SDK's default is 5 s), so the spans of a request arrive while the test waits.
    private Dictionary<string, string> Exporting => new()
    {
        [OpenTelemetryExport.EndpointVariable] = Receiver.Endpoint.ToString().TrimEnd('/'),
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",

        // Logs as JSON lines with the request's trace and span ids: ASP.NET Core's console logger, configured
        // (README "Tracing"); and the per-request line of ASP.NET Core, so every request logs something.
        ["Logging__Console__FormatterName"] = "json",
        ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// One client request is one trace across the edge and the three subgraphs, joined by W3C traceparent.
/// Grafbase's engine sends no spans of its own: `grafbase dev` has no OTLP exporter (docs/tracing.md), so
/// the subgraphs' spans hang under the edge's call to the engine.
/// </summary>
public sealed class TracingTests(TracedSystem system, ITestOutputHelper output) : IClassFixture<TracedSystem>
{
    /// <summary>bench/'s G1: glossary, then patterns, then roles.</summary>
    private const string G1 = "query G1($slug: String!) { term(slug: $slug) { name patterns { name roleStances { role { name } } } } }";

    private static readonly string[] Subgraphs = ["roles", "patterns", "glossary"];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task G1_is_one_trace_from_the_edge_through_every_subgraph_down_to_each_SQL_statement()
    {
        var sent = DateTime.UtcNow;
        var response = await system.Gateway.PostGraphQLAsync(G1, new { slug = "backend-for-frontend" });
        var answered = DateTime.UtcNow;
        Assert.Null(response.Errors);

        // The correlation id is the trace id, so the id in an error finds the trace.
        var traceId = response.CorrelationId!;
        var trace = await WaitForWholeTraceAsync(traceId);
        output.WriteLine(SpanTree(trace));

        Assert.Equal(["gateway-edge", .. Subgraphs.Order()], trace.Select(span => span.Service).Distinct().Order());
        Assert.All(Subgraphs, subgraph => Assert.Contains(trace, span => span.Service == subgraph && IsSql(span)));
        Assert.All(Subgraphs, subgraph => Assert.Contains(trace, span => span.Service == subgraph && span.Attributes.ContainsKey("graphql.operation.type")));
        var root = Assert.Single(trace, span => span.IsRoot(SpanIds(trace)));
        Assert.Equal(("gateway-edge", ""), (root.Service, root.ParentSpanId));

        // Resolver spans where execution waits on I/O: every SQL statement of G1 is a batch loader's, under its span.
        var byId = trace.ToDictionary(span => span.SpanId);
        Assert.All(trace.Where(IsSql), sql => Assert.True(
            byId.TryGetValue(sql.ParentSpanId, out var parent) && parent.Attributes.ContainsKey("graphql.dataloader.name"),
            $"{sql.Service}: SQL span '{sql.Name}' is not under a batch loader's span"));

        // Exactly one trace for the request: no span without a parent (a trace's start) began while it ran but
        // the edge's, so none of its work lost its context and started a trace of its own. Spans of other
        // traces may still begin then: work of an earlier request the client gave up on (the warm-up's, on a
        // loaded machine) goes on under that request's trace.
        var rootsDuring = system.Receiver.Spans.Where(span => span.ParentSpanId.Length == 0 && span.Start >= sent.AddMilliseconds(-50) && span.Start <= answered).ToList();
        Assert.True(rootsDuring.Count == 1 && rootsDuring[0].TraceId == traceId,
            "traces started during the request: " + string.Join("; ", rootsDuring.Select(span => $"{span.Service}: {span.Name} ({span.TraceId})")));
    }

    [Fact]
    public async Task A_clients_traceparent_keeps_its_trace_id_through_every_process()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        const string clientSpan = "00f067aa0ba902b7";
        var response = await system.Gateway.PostGraphQLWithHeaderAsync(
            "{ term(slug: \"backend-for-frontend\") { name patterns { name roleStances { role { name } } } } }",
            "traceparent",
            $"00-{traceId}-{clientSpan}-01");
        Assert.Null(response.Errors);
        Assert.Equal(traceId, response.CorrelationId);

        var trace = await WaitForWholeTraceAsync(traceId);
        var root = Assert.Single(trace, span => span.IsRoot(SpanIds(trace)));
        Assert.Equal(("gateway-edge", clientSpan), (root.Service, root.ParentSpanId));
    }

    [Fact]
    public async Task Every_process_logs_json_lines_that_carry_the_requests_trace_and_span_ids()
    {
        var response = await system.Gateway.PostGraphQLAsync(G1, new { slug = "backend-for-frontend" });
        var traceId = response.CorrelationId!;
        var trace = await WaitForWholeTraceAsync(traceId);

        foreach (var (service, process) in Subgraphs.Select(name => (name, system.SubgraphProcess(SubgraphRegistry.Named(name).ProjectName))).Prepend(("gateway-edge", system.GatewayProcess)))
        {
            var scope = RequestScope(await process.WaitForLineAsync(line => RequestScope(line, traceId) is not null, Deadline), traceId)!;
            Assert.Contains(trace, span => span.Service == service && span.SpanId == scope["SpanId"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every_process_exports_request_durations_by_operation_runtime_memory_and_gc_and_each_subgraph_its_sql_durations()
    {
        Assert.Null((await system.Gateway.PostGraphQLAsync(G1, new { slug = "backend-for-frontend" })).Errors);

        string[] services = ["gateway-edge", .. Subgraphs];
        var deadline = DateTime.UtcNow + Deadline;
        while (!Exported(system.Receiver.MetricPoints))
        {
            var seen = system.Receiver.MetricPoints.Select(point => $"{point.Service} {point.Metric} {string.Join(",", point.Attributes.Select(a => a.Key + "=" + a.Value))}").Distinct();
            Assert.True(DateTime.UtcNow < deadline, "metrics still missing; received:\n" + string.Join("\n", seen));
            await Task.Delay(100);
        }

        bool Exported(IReadOnlyList<ReceivedMetricPoint> points) =>
            points.Any(point => point.Service == "gateway-edge" && point.Metric == "http.server.request.duration" && point.Attributes.GetValueOrDefault(OperationMetrics.OperationNameTag) == "G1")
            && services.All(service => points.Any(point => point.Service == service && point.Metric == "dotnet.process.memory.working_set")
                && points.Any(point => point.Service == service && point.Metric == "dotnet.gc.collections"))
            && Subgraphs.All(service => points.Any(point => point.Service == service && point.Metric == "db.client.operation.duration" && point.Attributes.GetValueOrDefault("db.system.name") == DatabaseSystemName)
                && points.Any(point => point.Service == service && point.Metric == "http.server.request.duration" && point.Attributes.ContainsKey(OperationMetrics.OperationNameTag)));
    }

    /// <summary>The semantic conventions' db.system.name of the engine the subgraphs run on.</summary>
    private static string DatabaseSystemName => TestDatabase.Engine == SubgraphKit.Data.DatabaseEngine.Sqlite ? "sqlite" : "postgresql";

    /// <summary>The logging scope with <paramref name="traceId"/> of a JSON log line, if it has one.</summary>
    private static JsonObject? RequestScope(string line, string traceId) =>
        (line.StartsWith('{') ? JsonNode.Parse(line)?["Scopes"] as JsonArray : null)?
            .OfType<JsonObject>()
            .FirstOrDefault(scope => scope["TraceId"]?.GetValue<string>() == traceId);

    /// <summary>
    /// Export off is the default: without OTEL_EXPORTER_OTLP_ENDPOINT the kit registers no tracer or meter provider,
    /// so no process makes or sends a span or a measurement. (No receiver can observe the absence of traffic to an endpoint
    /// that was never configured, so this checks the registration itself.)
    /// </summary>
    [Fact]
    public void Without_an_endpoint_no_tracer_or_meter_provider_is_registered()
    {
        var off = WebApplication.CreateSlimBuilder();
        off.AddOpenTelemetryExport("roles");
        using (var services = off.Services.BuildServiceProvider())
        {
            Assert.Null(services.GetService<TracerProvider>());
            Assert.Null(services.GetService<MeterProvider>());
        }

        var on = WebApplication.CreateSlimBuilder();
        on.Configuration[OpenTelemetryExport.EndpointVariable] = system.Receiver.Endpoint.ToString();
        on.AddOpenTelemetryExport("roles");
        using (var services = on.Services.BuildServiceProvider())
        {
            Assert.NotNull(services.GetService<TracerProvider>());
            Assert.NotNull(services.GetService<MeterProvider>());
        }
    }

    /// <summary>Waits until the trace has its root and, for every subgraph, a server span with SQL spans under it, all parented.</summary>
    private Task<IReadOnlyList<ReceivedSpan>> WaitForWholeTraceAsync(string traceId) =>
        system.Receiver.WaitForAsync(
            spans =>
            {
                var trace = spans.Where(span => span.TraceId == traceId).ToList();
                var ids = SpanIds(trace);
                return trace.Count(span => span.IsRoot(ids)) == 1
                    && trace.Any(span => span.Service == "gateway-edge" && span.Kind == ServerKind)
                    && Subgraphs.All(subgraph => trace.Any(span => span.Service == subgraph && IsSql(span)));
            },
            Deadline,
            spans => SpanTree([.. spans.Where(span => span.TraceId == traceId)]) + "\n" + system.Logs)
        .ContinueWith(task => (IReadOnlyList<ReceivedSpan>)[.. task.Result.Where(span => span.TraceId == traceId)], TaskScheduler.Default);

    private const int ServerKind = 2;

    private static bool IsSql(ReceivedSpan span) => span.Attributes.ContainsKey("db.system") || span.Attributes.ContainsKey("db.system.name");

    private static HashSet<string> SpanIds(IEnumerable<ReceivedSpan> spans) => [.. spans.Select(span => span.SpanId)];

    /// <summary>The trace as an indented tree, children in start order: service, span name, duration.</summary>
    private static string SpanTree(IReadOnlyList<ReceivedSpan> trace)
    {
        var ids = SpanIds(trace);
        var children = trace.ToLookup(span => span.ParentSpanId);
        var text = new StringBuilder();
        foreach (var root in trace.Where(span => span.IsRoot(ids)).OrderBy(span => span.StartNanos))
        {
            Print(root, 0);
        }

        return text.ToString();

        void Print(ReceivedSpan span, int depth)
        {
            var duration = span.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}{span.Service}: {span.Name}  {duration} ms\n");
            foreach (var child in children[span.SpanId].OrderBy(child => child.StartNanos))
            {
                Print(child, depth + 1);
            }
        }
    }
}
