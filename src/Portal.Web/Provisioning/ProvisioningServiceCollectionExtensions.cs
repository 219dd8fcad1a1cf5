using Portal.Web.Provisioning.Simulated;

namespace Portal.Web.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.SectionName));
        var mode = configuration.GetSection(ProvisioningOptions.SectionName).Get<ProvisioningOptions>()?.Mode ?? ProvisionerMode.Simulated;
        if (mode == ProvisionerMode.Simulated)
        {
            services.AddSimulatedProvisioner(configuration);
        }
        return services;
    }
}
