using Microsoft.Extensions.Options;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Subscriptions, the outbox written with each status move, and the dispatcher that sends e-mail and webhooks.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.AddDataProtection();
        services.AddSingleton<WebhookAddressGuard>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<IConnectionMoveRecorder>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<WebhookAddressGuard>()));
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationSupportView>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<IHostedService>(sp => new EnabledDispatcher(sp.GetRequiredService<NotificationDispatcher>(), sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Enabled));
        return services;
    }

    /// <summary>Runs the dispatcher unless configuration switched it off.</summary>
    private sealed class EnabledDispatcher(IHostedService inner, bool enabled) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => enabled ? inner.StartAsync(cancellationToken) : Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => enabled ? inner.StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
