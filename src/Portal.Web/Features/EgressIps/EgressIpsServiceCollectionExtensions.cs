namespace Portal.Web.Features.EgressIps;

public static class EgressIpsServiceCollectionExtensions
{
    public static IServiceCollection AddEgressIps(this IServiceCollection services) => services;
}
