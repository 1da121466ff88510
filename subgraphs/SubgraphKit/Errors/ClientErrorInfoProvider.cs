using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using SubgraphKit.Hosting;
using SubgraphKit.Http;

namespace SubgraphKit.Errors;

/// <summary>
/// Shapes every error a client sees: each carries <c>extensions.correlationId</c> (the id in the
/// server log and the <c>X-Correlation-Id</c> header), and in production no "Did you mean ...?"
/// suggestion, which would let a client rebuild the schema that introspection no longer shows.
/// </summary>
public sealed partial class ClientErrorInfoProvider(GraphMode mode, IHttpContextAccessor http)
    : ErrorInfoProvider(options => options.ExposeExceptionDetails = mode == GraphMode.Development)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (mode == GraphMode.Production)
        {
            info.Message = WithoutSuggestions(info.Message);
        }

        if (CorrelationId.TryGet(http.HttpContext, out var id))
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["correlationId"] = id;
        }

        return info;
    }

    /// <summary>GraphQL.NET appends suggestions as a last sentence (FieldsOnCorrectType: "Did you mean 'name'?").</summary>
    public static string WithoutSuggestions(string message) => Suggestion().Replace(message, string.Empty);

    [GeneratedRegex(@"\s*Did you mean\b.*$", RegexOptions.Singleline)]
    private static partial Regex Suggestion();
}
