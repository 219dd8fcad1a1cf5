namespace Portal.Web.Features.EgressIps;

public static class EgressIpsServiceCollectionExtensions
{
    public static IServiceCollection AddEgressIps(this IServiceCollection services) =>
        // Stateless: opens a context per call from the factory.
        services.AddSingleton<EgressIpService>();
}
