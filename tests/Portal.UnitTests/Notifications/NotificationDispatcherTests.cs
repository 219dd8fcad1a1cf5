using Portal.Web.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Tests.Shared;
using Portal.Web.Features.Notifications;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Notifications;

/// <summary>The dispatcher on a fake clock: signing, backoff between attempts, what is retried and what is not, reminders.</summary>
public class NotificationDispatcherTests
{
    /// <summary>The database these tests run on; the <c>OnPostgres</c> subclass runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly TimeSpan BaseBackoff = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failing_receiver_is_retried_with_growing_pauses_until_it_answers_and_every_request_is_signed()
    {
        await using var receiver = new WebhookReceiver(500, 503);
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var subscription = await harness.WebhookAsync(Ada, receiver.Url);
        var secret = await harness.Service.RevealSecretAsync(NotificationHarness.Access(Ada), subscription.Id);
        Assert.True(await harness.Service.SendTestAsync(NotificationHarness.Access(Ada), subscription.Id));
        var dispatcher = harness.NewDispatcher();

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var first = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, 1, 500), (first.Status, first.Attempts, first.LastHttpStatus));
        AssertWaitWithin(first, attempt: 1);

        // Not due yet: nothing is sent before the pause is over.
        harness.Clock.Advance(first.NextAttemptAt - harness.Clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var second = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, 2, 503), (second.Status, second.Attempts, second.LastHttpStatus));
        AssertWaitWithin(second, attempt: 2);

        harness.Clock.Advance(second.NextAttemptAt - harness.Clock.GetUtcNow());
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var delivered = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Delivered, 3, 200, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastHttpStatus, delivered.LastError));

        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, request =>
        {
            Assert.True(WebhookSignature.Verify(secret!, request.Timestamp, request.Body, request.Signature, harness.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
            Assert.Equal(delivered.Id.ToString(), request.DeliveryId);
            Assert.Equal(NotificationEventTypes.Test, request.EventType);
            Assert.Equal("test", JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task Finished_deliveries_leave_the_log_after_the_retention_and_pending_ones_stay()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider, new Dictionary<string, string?> { ["Notifications:LogRetention"] = "30.00:00:00" });
        var subscription = await harness.WebhookAsync(Ada, "http://127.0.0.1:1/hook");
        var now = harness.Clock.GetUtcNow();
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            db.NotificationDeliveries.AddRange(
                Delivery("old delivered", DeliveryStatus.Delivered, now.AddDays(-31)),
                Delivery("old failed", DeliveryStatus.Failed, now.AddDays(-31)),
                Delivery("old still retrying", DeliveryStatus.Pending, now.AddDays(-31)),
                Delivery("recent delivered", DeliveryStatus.Delivered, now.AddDays(-29)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await harness.NewDispatcher().PruneLogAsync(CancellationToken.None));

        Assert.Equal(["old still retrying", "recent delivered"], (await harness.DeliveriesAsync()).Select(d => d.Summary).Order());

        NotificationDelivery Delivery(string summary, DeliveryStatus status, DateTimeOffset createdAt) => new()
        {
            Id = Guid.NewGuid(), SubscriptionId = subscription.Id, WorkspaceId = "ws-acme", EventType = NotificationEventTypes.Test,
            Summary = summary, Payload = "{}", Status = status, CreatedAt = createdAt, NextAttemptAt = createdAt,
        };
    }

    [Theory]
    [InlineData(410)]
    [InlineData(400)]
    [InlineData(404)]
    public async Task A_receiver_that_refuses_for_good_is_not_retried(int status)
    {
        await using var receiver = new WebhookReceiver(status);
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var subscription = await harness.WebhookAsync(Ada, receiver.Url);
        await harness.Service.SendTestAsync(NotificationHarness.Access(Ada), subscription.Id);
        var dispatcher = harness.NewDispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var failed = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1, status), (failed.Status, failed.Attempts, failed.LastHttpStatus));
        Assert.Contains(status.ToString(), failed.LastError);
        Assert.Single(receiver.Received);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Timeouts_and_throttling_are_retried_up_to_the_budget_then_marked_failed(int status)
    {
        await using var receiver = new WebhookReceiver(status, status, status, status, status);
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var subscription = await harness.WebhookAsync(Ada, receiver.Url);
        await harness.Service.SendTestAsync(NotificationHarness.Access(Ada), subscription.Id);
        var dispatcher = harness.NewDispatcher();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 4), (failed.Status, failed.Attempts));
        Assert.Equal(4, receiver.Received.Count);
    }

    [Fact]
    public async Task Two_instances_never_send_the_same_delivery()
    {
        await using var receiver = new WebhookReceiver();
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var subscription = await harness.WebhookAsync(Ada, receiver.Url);
        for (var i = 0; i < 10; i++)
        {
            await harness.Service.SendTestAsync(NotificationHarness.Access(Ada), subscription.Id);
        }

        var sent = await Task.WhenAll(harness.NewDispatcher().DispatchDueAsync(CancellationToken.None), harness.NewDispatcher().DispatchDueAsync(CancellationToken.None));

        Assert.Equal(10, sent.Sum());
        Assert.Equal(10, receiver.Received.Select(r => r.DeliveryId).Distinct().Count());
        Assert.Equal(10, receiver.Received.Count);
        Assert.All(await harness.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
    }

    [Fact]
    public async Task One_reminder_goes_out_per_subscription_once_the_deadline_is_within_the_lead_time_whatever_the_instances_and_restarts()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        var reminders = await harness.WebhookAsync(Ada, "http://127.0.0.1:1/reminders", NotificationTopics.ExpiryReminders);
        await harness.WebhookAsync(Ada, "http://127.0.0.1:1/status", NotificationTopics.StatusChanges);
        await harness.WebhookAsync(Grace, "http://127.0.0.1:1/grace", NotificationTopics.ExpiryReminders);
        var id = await harness.SeedAsync(ConnectionStatus.PendingAcceptance);
        var deadline = (await LoadAsync(harness, id)).AcceptanceDeadline!.Value;

        // More than the lead time (a day) before the deadline: nothing yet.
        harness.Clock.SetUtcNow(deadline - TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await harness.NewDispatcher().EnqueueDueRemindersAsync(CancellationToken.None));

        harness.Clock.SetUtcNow(deadline - TimeSpan.FromHours(23));
        var written = await Task.WhenAll(harness.NewDispatcher().EnqueueDueRemindersAsync(CancellationToken.None), harness.NewDispatcher().EnqueueDueRemindersAsync(CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var afterRestart = await harness.NewDispatcher().EnqueueDueRemindersAsync(CancellationToken.None);

        Assert.Equal(1, written.Sum() + afterRestart);
        var reminder = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((reminders.Id, NotificationEventTypes.ExpiryReminder, id), (reminder.SubscriptionId, reminder.EventType, reminder.ConnectionId!.Value));
        Assert.Contains(deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), reminder.Summary);
    }

    [Fact]
    public async Task No_reminder_for_a_connection_that_was_accepted_or_has_expired()
    {
        await using var harness = await NotificationHarness.CreateAsync(Provider);
        await harness.WebhookAsync(Ada, "http://127.0.0.1:1/reminders", NotificationTopics.ExpiryReminders);
        await harness.SeedAsync(ConnectionStatus.Available, serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0aaaaaaaaaaaaaaaa");
        var pending = await harness.SeedAsync(ConnectionStatus.PendingAcceptance);
        var deadline = (await LoadAsync(harness, pending)).AcceptanceDeadline!.Value;

        harness.Clock.SetUtcNow(deadline + TimeSpan.FromMinutes(1));

        Assert.Equal(0, await harness.NewDispatcher().EnqueueDueRemindersAsync(CancellationToken.None));
    }

    private void AssertWaitWithin(NotificationDelivery delivery, int attempt)
    {
        var ceiling = RetryBackoff.Ceiling(attempt, BaseBackoff, TimeSpan.FromMinutes(10));
        var wait = delivery.NextAttemptAt - delivery.LastAttemptAt!.Value;
        Assert.InRange(wait, ceiling / 2, ceiling);
    }

    private static async Task<Connection> LoadAsync(NotificationHarness harness, Guid id)
    {
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        return await db.Connections.AsNoTracking().FirstAsync(c => c.Id == id);
    }
}
