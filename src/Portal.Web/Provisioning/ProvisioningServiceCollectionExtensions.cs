using Portal.Web.Provisioning.Aws;
using Portal.Web.Provisioning.Simulated;

namespace Portal.Web.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// The provisioner chosen by <c>Provisioning:Mode</c>: AWS (AWSSDK.EC2) or Simulated (the default, no AWS account
    /// needed), registered as <see cref="IEndpointProvisioner"/> behind <see cref="MeteredEndpointProvisioner"/>.
    /// </summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.SectionName));
        var mode = configuration.GetSection(ProvisioningOptions.SectionName).Get<ProvisioningOptions>()?.Mode ?? ProvisionerMode.Simulated;
        services.AddMetrics();
        services.AddSingleton<ProvisioningMetrics>();
        if (mode == ProvisionerMode.Aws)
        {
            services.AddAwsProvisioner(configuration);
            services.AddSingleton<IEndpointProvisioner>(sp => new MeteredEndpointProvisioner(sp.GetRequiredService<AwsEndpointProvisioner>(), sp.GetRequiredService<ProvisioningMetrics>()));
        }
        else
        {
            services.AddSimulatedProvisioner(configuration);
            services.AddSingleton<IEndpointProvisioner>(sp => new MeteredEndpointProvisioner(sp.GetRequiredService<SimulatedEndpointProvisioner>(), sp.GetRequiredService<ProvisioningMetrics>()));
        }
        return services;
    }
}
