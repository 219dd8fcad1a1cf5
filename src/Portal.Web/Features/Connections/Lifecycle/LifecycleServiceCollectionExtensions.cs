using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Connections.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>The background worker that carries out stored requests and the reconciler that keeps statuses current.</summary>
    public static IServiceCollection AddConnectionLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningWorkerOptions>(configuration.GetSection(ProvisioningWorkerOptions.SectionName));
        services.Configure<ReconcilerOptions>(configuration.GetSection(ReconcilerOptions.SectionName));
        services.AddSingleton<ProvisioningSignal>();
        services.AddSingleton<ProvisioningWorker>();
        services.AddSingleton<ConnectionReconciler>();
        services.AddMetrics();
        services.AddSingleton<ConnectionGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionGauges>());
        // Not AddHostedService: it de-duplicates by implementation type and would keep only one of the two wrappers.
        services.AddSingleton<IHostedService>(sp => new EnabledHostedService(sp.GetRequiredService<ProvisioningWorker>(), sp.GetRequiredService<IOptions<ProvisioningWorkerOptions>>().Value.Enabled));
        services.AddSingleton<IHostedService>(sp => new EnabledHostedService(sp.GetRequiredService<ConnectionReconciler>(), sp.GetRequiredService<IOptions<ReconcilerOptions>>().Value.Enabled));
        return services;
    }

    /// <summary>Runs a background service unless configuration switched it off.</summary>
    private sealed class EnabledHostedService(IHostedService inner, bool enabled) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => enabled ? inner.StartAsync(cancellationToken) : Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => enabled ? inner.StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
