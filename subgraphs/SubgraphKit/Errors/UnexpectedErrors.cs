using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SubgraphKit.Hosting;
using SubgraphKit.Http;

namespace SubgraphKit.Errors;

/// <summary>
/// GraphQL.NET's hook for exceptions no resolver meant to show (a resolver's own ExecutionError never
/// gets here): logged with the request's correlation id, and in production replaced by
/// "Unexpected error." with code INTERNAL_SERVER_ERROR, because the default code names the .NET
/// exception type (SQLITE, INVALID_OPERATION).
/// </summary>
public static partial class UnexpectedErrors
{
    public const string Code = "INTERNAL_SERVER_ERROR";

    /// <summary>The code of an error that a database out of reach caused: worth retrying, not a bug.</summary>
    public const string DataStoreUnavailableCode = "DATA_STORE_UNAVAILABLE";

    public static void Handle(UnhandledExceptionContext context, GraphMode mode)
    {
        var services = context.ExecutionOptions.RequestServices;
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(UnexpectedErrors));
        CorrelationId.TryGet(services?.GetService<IHttpContextAccessor>()?.HttpContext, out var id);
        if (logger is not null)
        {
            LogUnexpected(logger, id ?? "none", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)", context.OriginalException);
        }

        if (FindInner<PostgresException>(context.OriginalException) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire })
        {
            // PostgreSQL stores no NUL in text, and refuses to compare with it; SQLite just finds no match.
            context.Exception = new ExecutionError("Text arguments may not contain the NUL character (U+0000).") { Code = "BAD_USER_INPUT" };
        }
        else if (IsDataStoreUnavailable(context.OriginalException))
        {
            // The details (host, port, the driver's message) stay in the log; development mode shows them too.
            context.Exception = new ExecutionError("The subgraph's data store is unavailable; try again shortly.", mode == GraphMode.Production ? null : context.OriginalException)
            {
                Code = DataStoreUnavailableCode,
            };
        }
        else if (mode == GraphMode.Production)
        {
            context.Exception = new ExecutionError("Unexpected error.") { Code = Code };
        }
    }

    /// <summary>
    /// A database that cannot be reached or refuses work for now: PostgreSQL down, restarting or out of
    /// connections (Npgsql marks these transient), or Npgsql's pool waiting past its timeout.
    /// </summary>
    public static bool IsDataStoreUnavailable(Exception? exception) => FindInner<NpgsqlException>(exception) is { IsTransient: true };

    private static T? FindInner<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error, correlation id {CorrelationId}, at {Path}")]
    private static partial void LogUnexpected(ILogger logger, string correlationId, string path, Exception exception);
}
