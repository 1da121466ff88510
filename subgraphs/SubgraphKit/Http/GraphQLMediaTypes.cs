using Microsoft.Net.Http.Headers;

namespace SubgraphKit.Http;

/// <summary>Media types of the GraphQL-over-HTTP spec and the Accept negotiation between them.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response media type for an Accept header, or null when neither is acceptable (406).
    /// A missing Accept header or a wildcard gets application/graphql-response+json: after the spec's
    /// watershed (2025-01-01) that is what a server SHOULD assume; clients that need the legacy
    /// always-200 behaviour ask for application/json explicitly.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0
            || !MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return GraphQLResponse;
        }

        foreach (var candidate in accepted.OrderByDescending(a => a.Quality ?? 1.0))
        {
            if (candidate.Quality == 0)
            {
                continue;
            }

            var type = candidate.MediaType.Value;
            if (string.Equals(type, GraphQLResponse, StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "*/*", StringComparison.Ordinal)
                || string.Equals(type, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponse;
            }

            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }
}
