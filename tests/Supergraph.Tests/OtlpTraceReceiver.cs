using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Supergraph.Tests;

/// <summary>One span as an OTLP exporter sent it, with its process's service.name.</summary>
public sealed record ReceivedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    ulong StartNanos,
    ulong EndNanos,
    IReadOnlyDictionary<string, string> Attributes)
{
    public TimeSpan Duration => TimeSpan.FromTicks((long)(EndNanos - StartNanos) / 100);

    public DateTime Start => DateTime.UnixEpoch.AddTicks((long)(StartNanos / 100));

    public bool IsRoot(IReadOnlySet<string> spanIdsInTrace) => !spanIdsInTrace.Contains(ParentSpanId);
}

/// <summary>One data point of a metric a process exported: its name and the point's attributes.</summary>
public sealed record ReceivedMetricPoint(string Service, string Metric, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// The smallest OTLP/HTTP trace and metrics receiver: POST /v1/traces with a protobuf ExportTraceServiceRequest
/// and POST /v1/metrics with an ExportMetricsServiceRequest, decoded by hand for the few fields the tests read (no collector and no OTLP proto package is served here).
/// See opentelemetry-proto: collector/trace/v1/trace_service.proto, trace/v1/trace.proto, common/v1/common.proto.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedMetricPoint> _metricPoints = new();
    private readonly Task _serving;
    private int _requests;

    public OtlpTraceReceiver()
    {
        var port = SupergraphFixture.FreePorts(1)[0];
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT: exporters append /v1/traces.</summary>
    public Uri Endpoint { get; }

    /// <summary>How many export requests arrived, spans or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedMetricPoint> MetricPoints => [.. _metricPoints];

    /// <summary>Polls the received spans until <paramref name="done"/> holds for them, or fails at the deadline.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan timeout, Func<IReadOnlyList<ReceivedSpan>, string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = Spans;
            if (done(spans))
            {
                return spans;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Spans still incomplete after {timeout.TotalSeconds} s: {describe(spans)}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Same, on another path of HttpListener's shutdown.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            try
            {
                Interlocked.Increment(ref _requests);
                using var body = new MemoryStream();
                var input = context.Request.Headers["Content-Encoding"] == "gzip"
                    ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress)
                    : context.Request.InputStream;
                await input.CopyToAsync(body);
                if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    foreach (var span in ExportTraceServiceRequest(body.ToArray()))
                    {
                        _spans.Enqueue(span);
                    }
                }
                else if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/v1/metrics")
                {
                    foreach (var point in ExportMetricsServiceRequest(body.ToArray()))
                    {
                        _metricPoints.Enqueue(point);
                    }
                }

                // An empty ExportTraceServiceResponse is zero bytes of protobuf.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (Exception error) when (error is IOException or FormatException)
            {
                context.Response.StatusCode = 400;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static IEnumerable<ReceivedSpan> ExportTraceServiceRequest(byte[] message)
    {
        foreach (var (field, value) in new ProtoReader(message).Fields())
        {
            if (field == 1)
            {
                foreach (var span in ResourceSpans(value.Bytes))
                {
                    yield return span;
                }
            }
        }
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }; Resource { repeated KeyValue attributes = 1; }
    private static IEnumerable<ReceivedSpan> ResourceSpans(ReadOnlyMemory<byte> message)
    {
        var service = "";
        var scopes = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in new ProtoReader(message).Fields())
        {
            if (field == 1)
            {
                var resource = Attributes(new ProtoReader(value.Bytes).Fields().Where(f => f.Field == 1).Select(f => f.Value.Bytes));
                service = resource.GetValueOrDefault("service.name", "");
            }
            else if (field == 2)
            {
                scopes.Add(value.Bytes);
            }
        }

        return scopes.SelectMany(scope => ScopeSpans(service, scope));
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }; InstrumentationScope { string name = 1; }
    private static IEnumerable<ReceivedSpan> ScopeSpans(string service, ReadOnlyMemory<byte> message)
    {
        var scope = "";
        var spans = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in new ProtoReader(message).Fields())
        {
            if (field == 1)
            {
                scope = new ProtoReader(value.Bytes).Fields().Where(f => f.Field == 1).Select(f => f.Value.Text).FirstOrDefault() ?? "";
            }
            else if (field == 2)
            {
                spans.Add(value.Bytes);
            }
        }

        return spans.Select(span => Span(service, scope, span));
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8; repeated KeyValue attributes = 9; }
    private static ReceivedSpan Span(string service, string scope, ReadOnlyMemory<byte> message)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        ulong start = 0, end = 0;
        var attributes = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in new ProtoReader(message).Fields())
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value.Bytes.Span); break;
                case 2: spanId = Convert.ToHexStringLower(value.Bytes.Span); break;
                case 4: parent = Convert.ToHexStringLower(value.Bytes.Span); break;
                case 5: name = value.Text; break;
                case 6: kind = (int)value.Number; break;
                case 7: start = value.Number; break;
                case 8: end = value.Number; break;
                case 9: attributes.Add(value.Bytes); break;
            }
        }

        return new ReceivedSpan(service, scope, traceId, spanId, parent, name, kind, start, end, Attributes(attributes));
    }

    // ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
    // ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; }
    // ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; }
    private static IEnumerable<ReceivedMetricPoint> ExportMetricsServiceRequest(byte[] message)
    {
        foreach (var resourceMetrics in new ProtoReader(message).Fields().Where(f => f.Field == 1))
        {
            var fields = new ProtoReader(resourceMetrics.Value.Bytes).Fields();
            var service = fields.Where(f => f.Field == 1)
                .Select(f => Attributes(new ProtoReader(f.Value.Bytes).Fields().Where(a => a.Field == 1).Select(a => a.Value.Bytes)).GetValueOrDefault("service.name", ""))
                .FirstOrDefault() ?? "";
            foreach (var scopeMetrics in fields.Where(f => f.Field == 2))
            {
                foreach (var metric in new ProtoReader(scopeMetrics.Value.Bytes).Fields().Where(f => f.Field == 2))
                {
                    foreach (var point in Metric(service, metric.Value.Bytes))
                    {
                        yield return point;
                    }
                }
            }
        }
    }

    // Metric { string name = 1; oneof data { Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9; ExponentialHistogram exponential_histogram = 10; } },
    // each with repeated data_points = 1, whose attributes are field 7 (NumberDataPoint), 9 (HistogramDataPoint) or 1 (ExponentialHistogramDataPoint).
    private static IEnumerable<ReceivedMetricPoint> Metric(string service, ReadOnlyMemory<byte> message)
    {
        var fields = new ProtoReader(message).Fields();
        var name = fields.Where(f => f.Field == 1).Select(f => f.Value.Text).FirstOrDefault() ?? "";
        foreach (var (kind, data) in fields.Where(f => f.Field is 5 or 7 or 9 or 10))
        {
            var attributesField = kind switch { 9 => 9, 10 => 1, _ => 7 };
            foreach (var point in new ProtoReader(data.Bytes).Fields().Where(f => f.Field == 1))
            {
                var attributes = new ProtoReader(point.Value.Bytes).Fields().Where(f => f.Field == attributesField).Select(f => f.Value.Bytes);
                yield return new ReceivedMetricPoint(service, name, Attributes(attributes));
            }
        }
    }

    // KeyValue { string key = 1; AnyValue value = 2; }; AnyValue { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; ... }
    private static Dictionary<string, string> Attributes(IEnumerable<ReadOnlyMemory<byte>> keyValues)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var keyValue in keyValues)
        {
            string key = "", text = "";
            foreach (var (field, value) in new ProtoReader(keyValue).Fields())
            {
                if (field == 1)
                {
                    key = value.Text;
                }
                else if (field == 2)
                {
                    foreach (var (kind, any) in new ProtoReader(value.Bytes).Fields())
                    {
                        text = kind switch
                        {
                            1 => any.Text,
                            2 => (any.Number != 0).ToString(),
                            3 => ((long)any.Number).ToString(System.Globalization.CultureInfo.InvariantCulture),
                            4 => BitConverter.UInt64BitsToDouble(any.Number).ToString(System.Globalization.CultureInfo.InvariantCulture),
                            _ => "(" + kind + ")",
                        };
                    }
                }
            }

            attributes[key] = text;
        }

        return attributes;
    }

    /// <summary>A field's value: a number (varint, fixed64, fixed32) or length-delimited bytes.</summary>
    private readonly record struct ProtoValue(ulong Number, ReadOnlyMemory<byte> Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }

    /// <summary>The protobuf wire format (protobuf.dev/programming-guides/encoding): tag varints, then each value by its wire type.</summary>
    private readonly struct ProtoReader(ReadOnlyMemory<byte> message)
    {
        public List<(int Field, ProtoValue Value)> Fields()
        {
            var fields = new List<(int, ProtoValue)>();
            var bytes = message.Span;
            var position = 0;
            while (position < bytes.Length)
            {
                var tag = Varint(bytes, ref position);
                var field = (int)(tag >> 3);
                switch (tag & 7)
                {
                    case 0:
                        fields.Add((field, new ProtoValue(Varint(bytes, ref position), default)));
                        break;
                    case 1:
                        fields.Add((field, new ProtoValue(BitConverter.ToUInt64(bytes.Slice(position, 8)), default)));
                        position += 8;
                        break;
                    case 2:
                        var length = (int)Varint(bytes, ref position);
                        fields.Add((field, new ProtoValue(0, message.Slice(position, length))));
                        position += length;
                        break;
                    case 5:
                        fields.Add((field, new ProtoValue(BitConverter.ToUInt32(bytes.Slice(position, 4)), default)));
                        position += 4;
                        break;
                    default:
                        throw new FormatException($"Unsupported protobuf wire type {tag & 7}");
                }
            }

            return fields;
        }

        private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
