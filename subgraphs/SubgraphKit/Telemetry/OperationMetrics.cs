using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SubgraphKit.Telemetry;

/// <summary>
/// Tags ASP.NET Core's <c>http.server.request.duration</c> of a GraphQL request with the operation's name,
/// so request counts and durations read by operation. The feature is there only while that histogram is
/// measured, so this costs nothing when metrics are off.
/// </summary>
public static class OperationMetrics
{
    public const string OperationNameTag = "graphql.operation.name";

    public static void Tag(HttpContext http, string? operationName) =>
        http.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(OperationNameTag, operationName ?? string.Empty));
}
