namespace Portal.Web.Features.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    public static IServiceCollection AddPrivateLinkConnections(this IServiceCollection services) => services;
}
