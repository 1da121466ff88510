using System.Net;
using System.Net.Http.Headers;
using Edge.Requests;
using SubgraphKit.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Edge.Engine;

/// <summary>
/// Sends a request on to the engine with YARP's forwarder, with the correlation id the edge settled on,
/// and adds that id to every error of a JSON answer (GraphQL streams pass through untouched). A failed
/// subgraph call is logged with the id, since the engine's own log line of its cause does not carry it.
/// </summary>
public sealed partial class EngineForwarder(IHttpForwarder forwarder, GrafbaseEngine engine, ILogger<EngineForwarder> logger) : IDisposable
{
    /// <summary>Set on a request the engine must never get twice (<see cref="NeverResend"/>).</summary>
    private static readonly object NotResendable = new();

    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromSeconds(60) };

    private readonly CorrelatingTransformer _transformer = new(logger);

    // One pooled client for the engine's loopback port: no proxy, cookies, redirects or decompression,
    // so the answer's bytes reach the client as the engine wrote them.
    private readonly HttpMessageInvoker _client = new(new ResendOnDroppedConnection(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = new ReverseProxyPropagator(System.Diagnostics.DistributedContextPropagator.Current), // traceparent: the edge's call, not the client's span
        ConnectTimeout = TimeSpan.FromSeconds(5),
    }));

    public void Dispose() => _client.Dispose();

    /// <summary>Marks a request, a mutation, that is not sent again when the engine drops its connection (<see cref="ResendOnDroppedConnection"/>).</summary>
    public static void NeverResend(HttpContext http) => http.Items[NotResendable] = true;

    public async Task ForwardAsync(HttpContext http)
    {
        var error = await forwarder.SendAsync(http, engine.Address.ToString(), _client, RequestConfig, _transformer);
        if (error != ForwarderError.None && !http.Response.HasStarted)
        {
            await EdgeErrors.WriteAsync(http, StatusCodes.Status502BadGateway, "ENGINE_UNAVAILABLE", "The gateway's engine did not answer.");
        }
    }

    /// <summary>
    /// Sends a request once more, on another connection, when the engine dropped the connection without a
    /// response: a keep-alive connection the engine closed just as the edge reused it. YARP streams the body
    /// once, and SocketsHttpHandler resends nothing after the body went out, so the client got a 502. The
    /// edge holds every body in memory already (GraphQLRequestGate). A mutation is not resent: the engine may
    /// have run it before the connection dropped, and a second run is not the client's to risk.
    /// </summary>
    private sealed class ResendOnDroppedConnection(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public static readonly HttpRequestOptionsKey<bool> Resendable = new("Edge.ResendOnDroppedConnection");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Options.TryGetValue(Resendable, out var resendable) || !resendable)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            // The first send keeps the request and takes only a body that can be sent twice; a copy is made
            // only for the rare second send (a sent HttpRequestMessage cannot be sent again).
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body is not null)
            {
                request.Content = WithHeadersOf(request.Content!, body);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException dropped) when (dropped.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError || dropped.InnerException is IOException)
            {
                return await base.SendAsync(Copy(request, body), cancellationToken);
            }
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                copy.Content = WithHeadersOf(request.Content!, body);
            }

            return copy;
        }

        private static ByteArrayContent WithHeadersOf(HttpContent original, byte[] body)
        {
            var content = new ByteArrayContent(body);
            foreach (var header in original.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return content;
        }
    }

    private sealed class CorrelatingTransformer(ILogger logger) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext http, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(http, proxyRequest, destinationPrefix, cancellationToken);

            // The engine picks application/json for */* or no Accept; the subgraphs and the spec's current
            // default pick application/graphql-response+json, so the edge decides for the engine (streams aside).
            var accept = http.Request.Headers.Accept.ToString();
            if (!accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) && !accept.Contains("multipart/mixed", StringComparison.OrdinalIgnoreCase)
                && GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) is { } mediaType)
            {
                proxyRequest.Headers.Accept.Clear();
                proxyRequest.Headers.TryAddWithoutValidation("Accept", mediaType);
            }

            // The engine reads a GET's operation name from `operation_name`, not the spec's `operationName`.
            if (HttpMethods.IsGet(http.Request.Method) && http.Request.Query["operationName"].ToString() is { Length: > 0 } operationName)
            {
                var parameters = http.Request.Query.Where(p => p.Key != "operationName").ToDictionary(p => p.Key, p => p.Value);
                parameters["operation_name"] = operationName;
                proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, http.Request.Path, QueryString.Create(parameters));
            }

            proxyRequest.Options.Set(ResendOnDroppedConnection.Resendable, !http.Items.ContainsKey(NotResendable));

            if (CorrelationId.TryGet(http, out var id))
            {
                proxyRequest.Headers.Remove(CorrelationId.Header);
                proxyRequest.Headers.TryAddWithoutValidation(CorrelationId.Header, id);
            }
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext http, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            var copyBody = await base.TransformResponseAsync(http, proxyResponse, cancellationToken);
            if (proxyResponse is null || !copyBody || !IsJson(proxyResponse.Content.Headers.ContentType) || !CorrelationId.TryGet(http, out var id))
            {
                return copyBody;
            }

            http.Response.ContentType = proxyResponse.Content.Headers.ContentType!.MediaType + "; charset=utf-8";
            var body = await proxyResponse.Content.ReadAsByteArrayAsync(cancellationToken);
            var correlated = CorrelatedErrors.Add(body, id);
            if (correlated.Faults.Count > 0)
            {
                LogFaults(logger, id, string.Join("; ", correlated.Faults));
            }

            // GraphQL over HTTP: a response with a data entry, even null, is a partial response (200).
            if (correlated.DataAdded)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
            }

            http.Response.ContentLength = correlated.Body.Length;
            await http.Response.Body.WriteAsync(correlated.Body, cancellationToken);
            return false;
        }

        private static bool IsJson(MediaTypeHeaderValue? type) =>
            type?.MediaType is GraphQLMediaTypes.Json or GraphQLMediaTypes.GraphQLResponse;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {CorrelationId} lost data to a failed subgraph call or execution: {Faults}")]
    private static partial void LogFaults(ILogger logger, string correlationId, string faults);
}
