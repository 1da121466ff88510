using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace SubgraphKit.Telemetry;

/// <summary>
/// Console logs as JSON lines when <c>Logging:Console:FormatterName</c> is <c>json</c> (for example
/// <c>Logging__Console__FormatterName=json</c>), with each request's trace and span ids when
/// <c>Logging:Console:FormatterOptions:IncludeScopes</c> is true. That is ASP.NET Core's own setting, but
/// CreateSlimBuilder registers only the simple formatter, so without this the setting changes nothing.
/// </summary>
public static class JsonLogs
{
    public static WebApplicationBuilder AddJsonLogsIfConfigured(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            // The formatter's options (IncludeScopes, timestamps) are bound from Logging:Console:FormatterOptions.
            builder.Logging.AddJsonConsole();
        }

        return builder;
    }
}
