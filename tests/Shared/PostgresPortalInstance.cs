using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Web.Data;
using Portal.Web.Data.Postgres;
using Portal.Web.Features.Connections;

namespace Portal.Tests.Shared;

/// <summary>
/// One portal instance's connection services on a PostgreSQL database, registered by the app's own extensions, with
/// its cross-instance change channel listening. Linked into the unit tests and the benchmarks.
/// </summary>
public static class PostgresPortalInstance
{
    public static async Task<ServiceProvider> StartAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPortalData(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddPrivateLinkConnections(configuration)
            .BuildServiceProvider();
        // As at the portal's start: the migrations create the database if it is missing.
        await services.MigratePortalDatabaseAsync();
        var channel = services.GetRequiredService<PostgresChangeChannel>();
        await ((IHostedService)channel).StartAsync(CancellationToken.None);
        await channel.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return services;
    }

    public static async Task StopAsync(ServiceProvider services)
    {
        await ((IHostedService)services.GetRequiredService<PostgresChangeChannel>()).StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    public static ConnectionNotifier Notifier(this ServiceProvider services) => services.GetRequiredService<ConnectionNotifier>();
}
