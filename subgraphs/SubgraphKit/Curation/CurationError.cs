using GraphQL;

namespace SubgraphKit.Curation;

/// <summary>The errors a curation mutation reports, each with a stable <c>extensions.code</c>.</summary>
public static class CurationError
{
    /// <summary>An input value breaks a rule; <c>extensions.field</c> names it.</summary>
    public static ExecutionError Invalid(string field, string message) =>
        With(new ExecutionError($"{field}: {message}") { Code = "BAD_USER_INPUT" }, "field", field);

    public static ExecutionError NotFound(string typeName, string slug) =>
        new($"No {typeName} has the slug '{slug}'.") { Code = "NOT_FOUND" };

    public static ExecutionError SlugTaken(string typeName, string slug) =>
        With(new ExecutionError($"A {typeName} with the slug '{slug}' exists already.") { Code = "SLUG_TAKEN" }, "field", "slug");

    /// <summary>The record changed since the client read it; <c>extensions.currentVersion</c> says to what.</summary>
    public static ExecutionError Conflict(string typeName, string slug, int sentVersion, int? currentVersion) =>
        With(
            new ExecutionError($"{typeName} '{slug}' is at version {currentVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(deleted)"}, not {sentVersion}: read it again and reapply the change.") { Code = "CONFLICT" },
            "currentVersion",
            currentVersion);

    public static ExecutionError StillReferenced(string typeName, string slug, IEnumerable<string> referrers) =>
        new($"{typeName} '{slug}' is still linked from {string.Join(", ", referrers)}; unlink it first.") { Code = "STILL_REFERENCED" };

    private static ExecutionError With(ExecutionError error, string key, object? value)
    {
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions[key] = value;
        return error;
    }
}
