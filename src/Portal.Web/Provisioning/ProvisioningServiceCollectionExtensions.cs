using Portal.Web.Provisioning.Aws;

namespace Portal.Web.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.SectionName));
        var mode = configuration.GetSection(ProvisioningOptions.SectionName).Get<ProvisioningOptions>()?.Mode ?? ProvisionerMode.Simulated;
        if (mode == ProvisionerMode.Aws) services.AddAwsProvisioner(configuration);
        return services;
    }
}
