using Portal.Web.Provisioning.Aws;
using Portal.Web.Provisioning.Simulated;

namespace Portal.Web.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>The provisioner chosen by <c>Provisioning:Mode</c>: AWS (AWSSDK.EC2) or Simulated (the default, no AWS account needed).</summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.SectionName));
        var mode = configuration.GetSection(ProvisioningOptions.SectionName).Get<ProvisioningOptions>()?.Mode ?? ProvisionerMode.Simulated;
        if (mode == ProvisionerMode.Aws)
        {
            services.AddAwsProvisioner(configuration);
        }
        else
        {
            services.AddSimulatedProvisioner(configuration);
        }
        return services;
    }
}
