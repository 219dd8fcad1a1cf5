using Portal.UnitTests.Simulated;
using Portal.Web.Provisioning.Simulated;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning.Aws;
using Portal.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.UnitTests.Connections;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Hosting.Telemetry;
using Portal.Web.Provisioning;
using Portal.UnitTests.Provisioning;

namespace Portal.UnitTests.Operations;

public sealed class ProvisioningMetricsTests
{
    private const string Region = "us-east-1";
    private readonly System.Diagnostics.Metrics.IMeterFactory meters = TestMeters.NewFactory();
    private readonly ScriptedProvisioner inner = new();

    [Fact]
    public async Task Every_call_is_counted_and_timed_by_operation_and_outcome()
    {
        using var counts = new TestMeters.Recorder<long>(meters);
        using var durations = new TestMeters.Recorder<double>(meters);
        var provisioner = new MeteredEndpointProvisioner(inner, new ProvisioningMetrics(meters));

        await provisioner.VerifyServiceAsync(ServiceNameParser.Parse(ProvisioningHarness.ServiceName).Name!, CancellationToken.None);
        await provisioner.CreateEndpointAsync(Request(), CancellationToken.None);
        inner.FailNextCreates(new ProvisioningFailure(ProvisioningFailureKind.Transient, "AWS is throttling requests.", "RequestLimitExceeded"));
        var failed = await provisioner.CreateEndpointAsync(Request(), CancellationToken.None);
        await provisioner.DescribeEndpointsAsync(Region, ["vpce-1"], CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.Equal(1, inner.VerifyCalls);
        var calls = counts.Measurements.Where(m => m.Instrument == "portal.provisioner.calls").Select(m => $"{m.Tags["operation"]}:{m.Tags["outcome"]}:{m.Tags["aws.region"]}");
        Assert.Equal(["verify:success:us-east-1", "create:success:us-east-1", "create:transient:us-east-1", "describe:success:us-east-1"], calls);
        var error = Assert.Single(counts.Measurements, m => m.Instrument == "portal.provisioner.errors");
        Assert.Equal(("create", "transient"), ((string?)error.Tags["operation"], (string?)error.Tags["error.type"]));
        Assert.Equal(4, durations.Measurements.Count(m => m.Instrument == "portal.provisioner.call.duration" && m.Value >= 0));
    }

    [Fact]
    public async Task A_call_that_throws_is_counted_as_an_error_and_still_throws()
    {
        using var counts = new TestMeters.Recorder<long>(meters);
        inner.BeforeCreate = () => throw new InvalidOperationException("network down");
        var provisioner = new MeteredEndpointProvisioner(inner, new ProvisioningMetrics(meters));

        await Assert.ThrowsAsync<InvalidOperationException>(() => provisioner.CreateEndpointAsync(Request(), CancellationToken.None));

        var error = Assert.Single(counts.Measurements, m => m.Instrument == "portal.provisioner.errors");
        Assert.Equal("exception", error.Tags["error.type"]);
    }

    [Theory]
    [InlineData("Simulated", typeof(SimulatedEndpointProvisioner))]
    [InlineData("Aws", typeof(AwsEndpointProvisioner))]
    public async Task The_provisioner_chosen_by_configuration_is_registered_behind_the_metrics(string mode, Type chosen)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Provisioning:Mode"] = mode }).Build();
        var services = new ServiceCollection().AddLogging().AddRegions().AddProvisioning(configuration)
            .AddSingleton<IDbContextFactory<PortalDbContext>>(database)
            .AddSingleton(TimeProvider.System);
        await using var provider = services.BuildServiceProvider();

        var resolved = Assert.IsType<MeteredEndpointProvisioner>(provider.GetRequiredService<IEndpointProvisioner>());

        Assert.IsType(chosen, resolved.Inner);
        Assert.Single(provider.GetServices<IEndpointProvisioner>());
    }

    private static CreateEndpointRequest Request() => new(Guid.NewGuid(), "ws-acme", ServiceNameParser.Parse(ProvisioningHarness.ServiceName).Name!, Guid.NewGuid().ToString("N"));
}
