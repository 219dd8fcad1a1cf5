namespace Portal.Web.Provisioning.Simulated;

internal static class SimulatedProvisionerServiceCollectionExtensions
{
    public static IServiceCollection AddSimulatedProvisioner(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SimulatedProvisionerOptions>(configuration.GetSection(SimulatedProvisionerOptions.SectionName));
        // Singletons: the provisioner keeps the create lock and the throttling counters for the whole process.
        services.AddSingleton<SimulatedEndpointProvisioner>();
        services.AddSingleton<SimulatedServiceOwner>();
        return services;
    }
}
