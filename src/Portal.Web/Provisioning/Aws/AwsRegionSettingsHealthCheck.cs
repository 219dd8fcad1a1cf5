using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Provisioning.Aws;

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
