using Portal.Web.Provisioning.Aws;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting.Health;
using Portal.Web.Provisioning;
using Portal.UnitTests.Simulated;

namespace Portal.UnitTests.Health;

public sealed class ReadinessTests : IAsyncLifetime
{
    private SqliteTestDatabase database = default!;

    public async Task InitializeAsync() => database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_simulated_provisioner_needs_no_aws_settings()
    {
        var result = await Check(ProvisionerMode.Simulated);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task In_aws_mode_a_region_without_subnets_is_degraded_and_named()
    {
        // The test database seeds eu-central-1 without subnets.
        var result = await Check(ProvisionerMode.Aws);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("eu-central-1 lacks SubnetIds", result.Description);
        Assert.DoesNotContain("us-east-1", result.Description);
    }

    [Fact]
    public async Task In_aws_mode_complete_regions_are_healthy_and_disabled_ones_do_not_count()
    {
        await SetAsync("eu-central-1", enabled: false);

        var result = await Check(ProvisionerMode.Aws);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task In_aws_mode_no_usable_region_means_not_ready()
    {
        await using (var db = database.CreateDbContext())
        {
            await db.RegionSettings.ExecuteUpdateAsync(set => set.SetProperty(r => r.VpcId, ""));
        }

        var result = await Check(ProvisionerMode.Aws);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("us-east-1 lacks VpcId", result.Description);
    }

    private Task<HealthCheckResult> Check(ProvisionerMode mode) =>
        new AwsRegionSettingsHealthCheck(Options.Create(new ProvisioningOptions { Mode = mode }), database.Regions).CheckHealthAsync(new HealthCheckContext());

    private async Task SetAsync(string region, bool enabled)
    {
        await using var db = database.CreateDbContext();
        await db.RegionSettings.Where(r => r.Code == region).ExecuteUpdateAsync(set => set.SetProperty(r => r.Enabled, enabled));
    }
}
