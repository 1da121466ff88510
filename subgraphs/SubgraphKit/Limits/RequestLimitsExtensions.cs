using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SubgraphKit.Limits;

public static partial class RequestLimitsExtensions
{
    /// <summary>
    /// Tokens (before parsing), fields, nesting and literal input depth (after parsing, before any
    /// validation rule), aliases, depth and complexity (in validation): each violation is a
    /// <see cref="RequestLimitError"/> and the request never executes. The values come from
    /// <c>IOptions&lt;RequestLimits&gt;</c>, bound by the caller; variables' depth is the endpoint's to check.
    /// </summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder graphQL)
    {
        graphQL.Services.Register<IDocumentBuilder, TokenLimitedDocumentBuilder>(GraphQL.DI.ServiceLifetime.Singleton);
        return graphQL
            .AddValidationRule<MaxAliasesRule>()
            .AddComplexityAnalyzer((options, services) =>
            {
                var limits = services.GetRequiredService<IOptions<RequestLimits>>().Value;
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLimitsExtensions));
                options.DefaultListImpactMultiplier = limits.ListSize;

                // Checked here rather than by MaxDepth/MaxComplexity, so each limit gets its own code.
                options.ValidateComplexityDelegate = context =>
                {
                    LogMeasured(logger, context.MaxDepth, context.TotalImpact);
                    if (context.MaxDepth > limits.MaxDepth)
                    {
                        context.Error = new RequestLimitError(RequestLimitError.MaxDepthCode,
                            $"The operation is {context.MaxDepth} levels deep; the limit of this endpoint is {limits.MaxDepth}.");
                    }
                    else if (context.TotalImpact > limits.MaxComplexity)
                    {
                        context.Error = new RequestLimitError(RequestLimitError.MaxComplexityCode,
                            $"The operation's complexity is {context.TotalImpact:0}; the limit of this endpoint is {limits.MaxComplexity:0}.");
                    }

                    return Task.CompletedTask;
                };
            });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request measured: depth {Depth}, complexity {Complexity}")]
    private static partial void LogMeasured(ILogger logger, int depth, double complexity);
}
