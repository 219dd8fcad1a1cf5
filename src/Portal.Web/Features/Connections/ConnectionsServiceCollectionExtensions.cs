namespace Portal.Web.Features.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    public static IServiceCollection AddPrivateLinkConnections(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<ConnectionNotifier>();
        services.AddSingleton<ConnectionTransitions>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<ConnectionSupportActions>();
        return services;
    }
}
