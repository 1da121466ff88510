using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SubgraphKit.Telemetry;

/// <summary>
/// Each SQL statement's duration as the OpenTelemetry database histogram <c>db.client.operation.duration</c>
/// (seconds), from EF Core's own timing of the command. Neither EF Core nor Microsoft.Data.Sqlite measures
/// it (Npgsql does, for PostgreSQL); registered only when metrics are exported (<see cref="OpenTelemetryExport"/>).
/// </summary>
public sealed class DatabaseStatementMetrics : DbCommandInterceptor
{
    public const string MeterName = "SubgraphKit.Database";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", unit: "s", description: "Duration of each SQL statement a subgraph ran.");

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Record(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Record(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Duration.Record(eventData.Duration.TotalSeconds, System(eventData), new("error.type", eventData.Exception.GetType().Name));

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private static T Record<T>(CommandExecutedEventData eventData, T result)
    {
        Duration.Record(eventData.Duration.TotalSeconds, System(eventData));
        return result;
    }

    // The semantic conventions' db.system.name for the two engines the subgraphs run on.
    private static KeyValuePair<string, object?> System(CommandEventData eventData) =>
        new("db.system.name", eventData.Context?.Database.ProviderName switch
        {
            { } name when name.Contains("Sqlite", StringComparison.Ordinal) => "sqlite",
            { } name when name.Contains("Npgsql", StringComparison.Ordinal) => "postgresql",
            _ => "other_sql",
        });
}
