using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace SubgraphKit.Http;

/// <summary>
/// The id that ties a client's error to the server log line with the exception. Taken from an incoming
/// <c>X-Correlation-Id</c> (the gateway forwards its own), else from the trace id of a W3C
/// <c>traceparent</c>, else the trace id of the request's activity (the trace the edge starts when tracing
/// is on), else made here; echoed in the <c>X-Correlation-Id</c> response header. So an error's id finds its trace.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    /// <summary>Longer ids, or ids with other characters, are replaced: they end up in logs and headers.</summary>
    private const int MaxLength = 128;

    private static readonly object ItemKey = new();

    /// <summary>Resolves the request's id once, remembers it for the error shaping, and sets the response header.</summary>
    public static string Establish(HttpContext http)
    {
        var id = FromHeaders(http.Request.Headers)
            ?? (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N"));
        http.Items[ItemKey] = id;
        http.Response.Headers[Header] = id;
        return id;
    }

    /// <summary>The id <see cref="Establish"/> chose for this request, if it ran.</summary>
    public static bool TryGet(HttpContext? http, [NotNullWhen(true)] out string? id)
    {
        id = http?.Items.TryGetValue(ItemKey, out var value) == true ? value as string : null;
        return id is not null;
    }

    private static string? FromHeaders(IHeaderDictionary headers)
    {
        var given = headers[Header].ToString().Trim();
        if (given.Length is > 0 and <= MaxLength && given.All(IsIdCharacter))
        {
            return given;
        }

        // traceparent: version "-" trace-id (32 hex) "-" parent-id "-" flags (https://www.w3.org/TR/trace-context/).
        var parts = headers["traceparent"].ToString().Split('-');
        return parts.Length == 4 && parts[1].Length == 32 && parts[1].All(char.IsAsciiHexDigitLower) && parts[1].Any(c => c != '0')
            ? parts[1]
            : null;
    }

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
