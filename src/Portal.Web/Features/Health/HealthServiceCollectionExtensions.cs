using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Health;

public static class HealthServiceCollectionExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<AwsRegionSettingsHealthCheck>("aws-region-settings", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: answering at all is the signal. A slow disk or a missing AWS setting is not fixed by a restart.
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().DisableHttpMetrics();
        // Readiness: whether this instance can do its job, for a load balancer or an orchestrator's readiness probe.
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync })
            .AllowAnonymous().DisableHttpMetrics();
        return endpoints;
    }

    /// <summary>Each check's status and description; never the exception, which may name paths or hosts.</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}

/// <summary>Healthy when the database answers and every migration has been applied.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}

/// <summary>
/// In AWS mode, every enabled region needs the principal customers allowlist, our VPC and its subnets. Read from the
/// region settings in the database (seeded from the <c>Regions</c> section, then edited by support), which is what
/// the AWS provisioner uses. One incomplete region is Degraded, not Unhealthy: taking every instance out of the load
/// balancer would stop all regions for the sake of one; only when no region can work is the instance not ready.
/// </summary>
internal sealed class AwsRegionSettingsHealthCheck(IOptions<ProvisioningOptions> provisioning, RegionDirectory regions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (provisioning.Value.Mode != ProvisionerMode.Aws)
        {
            return HealthCheckResult.Healthy("Simulated provisioner: no AWS settings needed.");
        }
        var enabled = await regions.GetEnabledAsync(cancellationToken);
        var incomplete = enabled
            .Select(r => (r.Code, Missing: Missing(r).ToList()))
            .Where(r => r.Missing.Count > 0)
            .Select(r => $"{r.Code} lacks {string.Join(", ", r.Missing)}")
            .ToList();
        if (enabled.Count == 0 || incomplete.Count == enabled.Count)
        {
            return HealthCheckResult.Unhealthy(enabled.Count == 0 ? "No region is enabled." : $"No enabled region has complete AWS settings: {string.Join("; ", incomplete)}.");
        }
        return incomplete.Count > 0
            ? HealthCheckResult.Degraded($"Some regions cannot create endpoints: {string.Join("; ", incomplete)}.")
            : HealthCheckResult.Healthy($"{enabled.Count} enabled regions have complete AWS settings.");
    }

    private static IEnumerable<string> Missing(RegionSetting region)
    {
        if (string.IsNullOrWhiteSpace(region.PrincipalArn))
        {
            yield return nameof(RegionSetting.PrincipalArn);
        }
        if (string.IsNullOrWhiteSpace(region.VpcId))
        {
            yield return nameof(RegionSetting.VpcId);
        }
        if (region.SubnetIds.Count == 0 || region.SubnetIds.Any(string.IsNullOrWhiteSpace))
        {
            yield return nameof(RegionSetting.SubnetIds);
        }
    }
}
