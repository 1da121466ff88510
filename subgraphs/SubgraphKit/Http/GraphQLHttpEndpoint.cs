using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SubgraphKit.Limits;

namespace SubgraphKit.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint (https://graphql.github.io/graphql-over-http/draft/).
/// GraphQL.Server.Transports.AspNetCore cannot be installed here, so this is its replacement:
/// POST application/json for every operation, GET for queries only, and the spec's status codes.
/// </summary>
public sealed partial class GraphQLHttpEndpoint(
    IDocumentExecuter<GraphQL.Types.ISchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    IOptions<RequestLimits> limits,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, QueryOnlyOverGetRule.Instance];

    // A document cached from a POST skips validation; over GET it must still be a query.
    private static readonly IValidationRule[] CachedGetRules = [QueryOnlyOverGetRule.Instance];

    public async Task HandleAsync(HttpContext http)
    {
        CorrelationId.Establish(http);
        if (GraphQLHttpRefusal.CheckMethodAndAccept(http, out var mediaType) is { } early)
        {
            await WriteErrorAsync(http, early, mediaType);
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        var (request, refusal) = isGet ? ReadFromQueryString(http.Request) : await ReadFromBodyAsync(http.Request);
        if (refusal is not null)
        {
            await WriteErrorAsync(http, refusal, mediaType);
            return;
        }

        Telemetry.OperationMetrics.Tag(http, request!.OperationName);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = isGet ? GetRules : null,
            CachedDocumentValidationRules = isGet ? CachedGetRules : null,
        });

        http.Response.StatusCode = StatusFor(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// With application/json every well-formed request gets 200 (legacy clients read only the body).
    /// With application/graphql-response+json, a request that never executed (parse, validation or
    /// variable coercion errors) gets 400; a GET carrying a mutation gets 405 under either type.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (result.Errors?.Any(e => e is QueryOnlyOverGetError) == true)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        return !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    private (GraphQLRequest? Request, GraphQLHttpRefusal? Refusal) ReadFromQueryString(HttpRequest http)
    {
        var query = http.Query;
        if (GraphQLHttpRefusal.CheckInputDepth(query, limits.Value.MaxInputDepth) is { } tooDeep)
        {
            return (null, tooDeep);
        }

        try
        {
            var request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = NullIfEmpty(query["operationName"]),
                Variables = ParseJsonParameter<Inputs>(query["variables"]),
                Extensions = ParseJsonParameter<Inputs>(query["extensions"]),
            };
            return Validate(request);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            LogMalformedRequest(logger, ex.Message);
            return (null, GraphQLHttpRefusal.InvalidGetParameters());
        }
    }

    private async Task<(GraphQLRequest? Request, GraphQLHttpRefusal? Refusal)> ReadFromBodyAsync(HttpRequest http)
    {
        if (GraphQLHttpRefusal.CheckContentType(http) is { } unsupported)
        {
            return (null, unsupported);
        }

        var limit = options.Value.MaxRequestBodyBytes;
        var body = await LimitedRequestBody.ReadAsync(http, limit);
        if (body is null)
        {
            return (null, GraphQLHttpRefusal.TooLarge(limit));
        }

        if (GraphQLHttpRefusal.CheckInputDepth(body, limits.Value.MaxInputDepth) is { } tooDeep)
        {
            return (null, tooDeep);
        }

        try
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(body, http.HttpContext.RequestAborted);
            return request is null
                ? (null, GraphQLHttpRefusal.InvalidJson())
                : Validate(request);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            LogMalformedRequest(logger, ex.Message);
            return (null, GraphQLHttpRefusal.InvalidJson(ex));
        }
    }

    private static (GraphQLRequest?, GraphQLHttpRefusal?) Validate(GraphQLRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? (null, GraphQLHttpRefusal.QueryMissing()) : (request, null);

    private T? ParseJsonParameter<T>(string? value) =>
        string.IsNullOrEmpty(value) ? default : serializer.Deserialize<T>(value);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private async Task WriteErrorAsync(HttpContext http, GraphQLHttpRefusal refusal, string mediaType)
    {
        http.Response.StatusCode = refusal.Status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a malformed GraphQL request: {Reason}")]
    private static partial void LogMalformedRequest(ILogger logger, string reason);
}
