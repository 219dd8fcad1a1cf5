using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Notifications;
using Portal.Web.Provisioning;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Notifications;

/// <summary>A status move and its notifications are one unit of work: both are saved, or neither.</summary>
public class NotificationOutboxTests
{
    /// <summary>The database these tests run on; the <c>OnPostgres</c> subclass runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly ProvisioningFailure Refused = new(ProvisioningFailureKind.Permanent, "AWS refused to create the endpoint.");

    [Fact]
    public async Task A_status_move_writes_one_delivery_per_interested_subscription_of_its_workspace_in_the_same_save()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var everything = await harness.WebhookAsync(Ada, "http://127.0.0.1:1/everything", NotificationTopics.StatusChanges);
        var failures = await harness.WebhookAsync(Ada, "http://127.0.0.1:1/failures", NotificationTopics.Failures);
        await harness.WebhookAsync(Ada, "http://127.0.0.1:1/reminders", NotificationTopics.ExpiryReminders);
        await harness.WebhookAsync(Grace, "http://127.0.0.1:1/grace", NotificationTopics.StatusChanges | NotificationTopics.Failures);
        var id = await harness.SeedAsync(ConnectionStatus.Creating);

        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            var connection = await db.Connections.FirstAsync(c => c.Id == id);
            connection.Fail(Refused, harness.Clock.GetUtcNow());
            harness.Journal.Record(db);
            Assert.Equal(2, db.ChangeTracker.Entries<NotificationDelivery>().Count());
            await db.SaveChangesAsync();
        }

        var deliveries = await harness.DeliveriesAsync();
        Assert.Equal(new[] { everything.Id, failures.Id }.Order(), deliveries.Select(d => d.SubscriptionId).Order());
        Assert.All(deliveries, d =>
        {
            Assert.Equal((DeliveryStatus.Pending, NotificationEventTypes.StatusChanged, id, "ws-acme"), (d.Status, d.EventType, d.ConnectionId!.Value, d.WorkspaceId));
            Assert.Contains("\"status\":\"Failed\"", d.Payload);
            Assert.Contains("\"previousStatus\":\"Creating\"", d.Payload);
            Assert.Contains("AWS refused to create the endpoint.", d.Payload);
        });
    }

    [Fact]
    public async Task A_move_that_is_rolled_back_sends_nothing()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        await harness.WebhookAsync(Ada, "http://127.0.0.1:1/everything", NotificationTopics.StatusChanges);
        var id = await harness.SeedAsync(ConnectionStatus.Creating);

        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            var connection = await db.Connections.FirstAsync(c => c.Id == id);
            connection.Fail(Refused, harness.Clock.GetUtcNow());
            harness.Journal.Record(db);
            // Someone else saved the row meanwhile: the optimistic check fails the whole save.
            await using (var other = await harness.DbFactory.CreateDbContextAsync())
            {
                var same = await other.Connections.FirstAsync(c => c.Id == id);
                same.QueueDelete("Ada Lovelace", harness.Clock.GetUtcNow());
                await other.SaveChangesAsync();
            }
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await harness.DeliveriesAsync());
        Assert.Equal(ConnectionStatus.Deleting, (await LoadAsync(harness.DbFactory, id)).Status);
    }

    [Fact]
    public async Task Switched_off_subscriptions_get_nothing()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var subscription = await harness.WebhookAsync(Ada, "http://127.0.0.1:1/everything", NotificationTopics.StatusChanges);
        Assert.True(await harness.Service.SetEnabledAsync(NotificationHarness.Access(Ada), subscription.Id, false));
        var id = await harness.SeedAsync(ConnectionStatus.Creating);

        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            (await db.Connections.FirstAsync(c => c.Id == id)).Fail(Refused, harness.Clock.GetUtcNow());
            harness.Journal.Record(db);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await harness.DeliveriesAsync());
    }

    private static async Task<Connection> LoadAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext> factory, Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Connections.AsNoTracking().FirstAsync(c => c.Id == id);
    }
}
