using Portal.Web.Features.Connections.Lifecycle;

namespace Portal.Web.Features.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>The customer and support services of connections, and the lifecycle that carries their requests out.</summary>
    public static IServiceCollection AddPrivateLinkConnections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<ConnectionNotifier>();
        services.AddSingleton<ConnectionJournal>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<ConnectionSupportActions>();
        services.AddConnectionLifecycle(configuration);
        return services;
    }
}
