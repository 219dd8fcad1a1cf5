using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Simulated;

namespace Portal.UnitTests.Simulated;

public class SimulatedRegistrationTests
{
    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddProvisioning(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    [Fact]
    public void Simulated_mode_is_the_default_and_binds_its_section()
    {
        using var provider = Register(new() { ["Provisioning:Simulated:PendingDelay"] = "00:00:02", ["Provisioning:Simulated:ThrottleAttempts"] = "5" }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SimulatedProvisionerOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(2), options.PendingDelay);
        Assert.Equal(5, options.ThrottleAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.DeletingDelay);
        Assert.True(options.AcceptanceRequiredByDefault);
        Assert.Contains(Register([]), d => d.ServiceType == typeof(IEndpointProvisioner));
        Assert.Contains(Register([]), d => d.ServiceType == typeof(SimulatedServiceOwner));
    }

    [Fact]
    public void The_simulator_resolves_with_the_app_s_data_services()
    {
        var services = Register([]);
        services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddSingleton(TimeProvider.System);
        services.AddRegions();
        services.AddLogging();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<SimulatedEndpointProvisioner>(Assert.IsType<MeteredEndpointProvisioner>(provider.GetRequiredService<IEndpointProvisioner>()).Inner);
        Assert.NotNull(provider.GetRequiredService<SimulatedServiceOwner>());
    }

    [Fact]
    public void Aws_mode_registers_no_simulator() =>
        Assert.DoesNotContain(Register(new() { ["Provisioning:Mode"] = "Aws" }), d => d.ServiceType == typeof(SimulatedServiceOwner) || d.ServiceType == typeof(SimulatedEndpointProvisioner));
}
