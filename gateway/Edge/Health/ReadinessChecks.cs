using Edge.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Edge.Health;

/// <summary>One URL that must answer 200 for the gateway to be ready: the engine's health, or a subgraph's readiness.</summary>
public sealed class UrlHealthCheck(IHttpClientFactory httpClients, Func<Uri> url) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var target = url();
        try
        {
            using var response = await httpClients.CreateClient(nameof(UrlHealthCheck)).GetAsync(target, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{target} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{target} did not answer");
        }
    }
}

public static class ReadinessChecks
{
    public const string Tag = "ready";

    /// <summary>/readiness needs the engine and every subgraph of grafbase.toml to answer.</summary>
    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder checks, IReadOnlyList<SubgraphEndpoint> subgraphs)
    {
        checks.Add(new HealthCheckRegistration("engine",
            services => new UrlHealthCheck(services.GetRequiredService<IHttpClientFactory>(), () => new Uri(services.GetRequiredService<GrafbaseEngine>().Address, "health")),
            HealthStatus.Unhealthy, [Tag]));
        foreach (var subgraph in subgraphs)
        {
            checks.Add(new HealthCheckRegistration(subgraph.Name,
                services => new UrlHealthCheck(services.GetRequiredService<IHttpClientFactory>(), () => subgraph.Readiness),
                HealthStatus.Unhealthy, [Tag]));
        }

        return checks;
    }
}
