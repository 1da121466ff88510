using Microsoft.AspNetCore.Http;
using SubgraphKit.Limits;

namespace SubgraphKit.Http;

/// <summary>
/// A request the GraphQL-over-HTTP transport turns away before any GraphQL work, with the status and
/// code the spec gives it. The subgraphs' endpoint and the gateway's edge both refuse through these,
/// so a client meets one contract at every hop.
/// </summary>
public sealed record GraphQLHttpRefusal(int Status, string Code, string Message)
{
    public const string OperationNotAllowedOverGetCode = "OPERATION_NOT_ALLOWED_OVER_GET";

    /// <summary>What a GET or POST body must be, said in every INVALID_JSON refusal.</summary>
    public const string RequestShape =
        "send one object with a 'query' string and optional 'operationName' string, 'variables' and 'extensions' objects (batches are not supported)";

    /// <summary>
    /// The checks that come before reading anything: the method (405, with Allow) and then the Accept
    /// header (406). Both refusals are written as application/json, the one type every client reads.
    /// </summary>
    public static GraphQLHttpRefusal? CheckMethodAndAccept(HttpContext http, out string mediaType)
    {
        mediaType = GraphQLMediaTypes.Json;
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.Headers.Allow = "GET, POST";
            return new(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"The GraphQL endpoint accepts GET and POST, not {method}.");
        }

        if (GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) is not { } negotiated)
        {
            return new(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"The Accept header must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.");
        }

        mediaType = negotiated;
        return null;
    }

    /// <summary>A POST body must be declared JSON (415 otherwise); null when it is.</summary>
    public static GraphQLHttpRefusal? CheckContentType(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            ? null
            : new(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"POST requests must have Content-Type {GraphQLMediaTypes.Json}; got '{request.ContentType ?? "none"}'.");

    public static GraphQLHttpRefusal TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than the limit of {limit} bytes.");

    /// <summary>
    /// Variables or extensions nested deeper than <paramref name="max"/>, in a buffered POST body, measured
    /// before anything deserializes them (<see cref="JsonInputDepth"/>).
    /// </summary>
    public static GraphQLHttpRefusal? CheckInputDepth(MemoryStream body, int max) =>
        JsonInputDepth.Exceeds(body.GetBuffer().AsSpan(0, (int)body.Length), envelope: 2, max) ? InputTooDeep(max) : null;

    /// <summary>The same for a GET's <c>variables</c> and <c>extensions</c> parameters.</summary>
    public static GraphQLHttpRefusal? CheckInputDepth(IQueryCollection query, int max) =>
        ParameterTooDeep(query["variables"], max) || ParameterTooDeep(query["extensions"], max) ? InputTooDeep(max) : null;

    /// <param name="error">Where the JSON broke, if the reader said; its own message names .NET types, so clients get the place instead.</param>
    public static GraphQLHttpRefusal InvalidJson(Exception? error = null) =>
        BadRequest("INVALID_JSON", $"The request body is not a GraphQL request in JSON{Where(error)}: {RequestShape}.");

    public static GraphQLHttpRefusal InvalidGetParameters() =>
        BadRequest("INVALID_REQUEST", "The 'variables' and 'extensions' parameters must be JSON objects.");

    public static GraphQLHttpRefusal QueryMissing() =>
        BadRequest("QUERY_MISSING", "The request has no 'query'. Send the GraphQL document as a string in 'query'.");

    /// <summary>GET must not change state: only a query runs over GET (405; the caller sets Allow: POST).</summary>
    public static GraphQLHttpRefusal OperationNotAllowedOverGet(string operationType) =>
        new(StatusCodes.Status405MethodNotAllowed, OperationNotAllowedOverGetCode, $"Only query operations are allowed over GET; send this {operationType} with POST.");

    private static GraphQLHttpRefusal InputTooDeep(int max) =>
        BadRequest(RequestLimitError.MaxInputDepthCode, JsonInputDepth.Message(max));

    private static bool ParameterTooDeep(string? parameter, int max) =>
        !string.IsNullOrEmpty(parameter) && JsonInputDepth.Exceeds(System.Text.Encoding.UTF8.GetBytes(parameter), envelope: 1, max);

    private static string Where(Exception? error) =>
        error is System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } position } ? $" (line {line + 1}, byte {position + 1})" : string.Empty;

    private static GraphQLHttpRefusal BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
