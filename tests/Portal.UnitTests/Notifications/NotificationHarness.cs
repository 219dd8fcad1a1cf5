using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Shared;
using Portal.UnitTests.Connections;
using Portal.UnitTests.Data;
using Portal.UnitTests.Simulated;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting.Limits;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Regions;

namespace Portal.UnitTests.Notifications;

/// <summary>
/// The connection and notification services registered by the app's own <c>Add…</c> extensions over a temp SQLite
/// file (or a PostgreSQL database) with the real migrations; the clock is fake and webhooks may target loopback.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly IDbContextFactory<PortalDbContext> database;
    private readonly ServiceProvider services;

    private NotificationHarness(IDbContextFactory<PortalDbContext> database, IDictionary<string, string?>? settings)
    {
        this.database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = "true",
            ["Notifications:BaseBackoff"] = "00:00:10",
            ["Notifications:MaxBackoff"] = "00:10:00",
            ["Notifications:MaxAttempts"] = "4",
            ["Notifications:ReminderLeadTime"] = "1.00:00:00",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddAuditLog()
            .AddRegions()
            .AddPortalLimits(configuration)
            .AddPrivateLinkConnections(configuration)
            .AddNotifications(configuration);
        collection.AddSingleton<IDbContextFactory<PortalDbContext>>(database);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IEndpointProvisioner>(new ScriptedProvisioner());
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public FakeTimeProvider Clock { get; } = new(Start);
    public IDbContextFactory<PortalDbContext> DbFactory => database;
    public NotificationService Service => services.GetRequiredService<NotificationService>();
    public NotificationSupportView Support => services.GetRequiredService<NotificationSupportView>();
    public ConnectionJournal Journal => services.GetRequiredService<ConnectionJournal>();

    /// <summary>A dispatcher as another portal instance would have it: own identity, same database.</summary>
    public NotificationDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<NotificationDispatcher>(services);

    public static async Task<NotificationHarness> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null) =>
        new(provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : await SqliteTestDatabase.CreateAsync(), settings);

    public static WorkspaceAccess Access(PortalUser user) => ProvisioningHarness.Access(user);

    public async Task<SubscriptionView> WebhookAsync(PortalUser user, string url, NotificationTopics topics = NotificationTopics.StatusChanges | NotificationTopics.ExpiryReminders)
    {
        var outcome = await Service.SubscribeAsync(Access(user), new SubscriptionRequest(NotificationChannel.Webhook, url, topics));
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Subscription!;
    }

    /// <summary>A connection saved in the given status; its timeline so far is not notified (it is history).</summary>
    public async Task<Guid> SeedAsync(ConnectionStatus status, string workspaceId = "ws-acme", string serviceName = ConnectionSeeds.ServiceName)
    {
        var connection = ConnectionSeeds.InStatus(status, workspaceId, serviceName, at: Start);
        connection.TakeRecordedEvents();
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection.Id;
    }

    public async Task<List<NotificationDelivery>> DeliveriesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await ((IAsyncDisposable)database).DisposeAsync();
    }
}
