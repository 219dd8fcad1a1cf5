using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.Notifications;

namespace Portal.IntegrationTests.Notifications;

/// <summary>
/// The whole path in the real app, with no outside service: a connection's status changes, the outbox row is saved
/// with the change, the dispatcher sends it by e-mail to a local SMTP sink and by webhook to a local receiver that
/// checks the signature, retries a failing receiver, gives up on one that answers 410, and reminds once.
/// </summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme"], false);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-notify-{Guid.NewGuid():N}.db");
    private SmtpSink smtp = null!;
    private WebApplicationFactory<Program> portal = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        portal = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Provisioning:Simulated:CreateLatency", "00:00:00.050");
            builder.UseSetting("Provisioning:Simulated:VerifyLatency", "00:00:00.050");
            builder.UseSetting("Provisioning:Simulated:PendingDelay", "00:00:00.200");
            builder.UseSetting("Provisioning:Worker:PollInterval", "00:00:00.200");
            builder.UseSetting("Provisioning:Reconciler:Tick", "00:00:00.200");
            builder.UseSetting("Provisioning:Reconciler:FastPollInterval", "00:00:00.500");
            builder.UseSetting("Notifications:PollInterval", "00:00:00.100");
            builder.UseSetting("Notifications:BaseBackoff", "00:00:00.100");
            builder.UseSetting("Notifications:MaxBackoff", "00:00:00.500");
            // Longer than the acceptance timeout: the reminder is due as soon as a connection waits for acceptance.
            builder.UseSetting("Notifications:ReminderLeadTime", "365.00:00:00");
            builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Notifications:Smtp:Port", smtp.Port.ToString());
            builder.UseSetting("Notifications:Smtp:Security", "None");
            builder.UseSetting("Notifications:Webhooks:AllowLoopback", "true");
        });
        _ = portal.Server;
    }

    [Fact]
    public async Task A_status_change_reaches_the_mailbox_and_the_webhook_signed_after_retries_and_the_reminder_goes_out_once()
    {
        await using var receiver = new WebhookReceiver(500, 500);
        await using var refusing = new WebhookReceiver(410, 410, 410, 410, 410, 410, 410, 410, 410, 410, 410, 410);
        var notifications = portal.Services.GetRequiredService<NotificationService>();
        var ada = WorkspaceAccess.Grant(Ada, "ws-acme")!;
        var mail = await notifications.SubscribeAsync(ada, new(NotificationChannel.Email, "ops@acme.example", NotificationTopics.StatusChanges | NotificationTopics.ExpiryReminders));
        var hook = await notifications.SubscribeAsync(ada, new(NotificationChannel.Webhook, receiver.Url, NotificationTopics.StatusChanges));
        var gone = await notifications.SubscribeAsync(ada, new(NotificationChannel.Webhook, refusing.Url, NotificationTopics.StatusChanges));
        Assert.True(mail.Succeeded && hook.Succeeded && gone.Succeeded, mail.Error ?? hook.Error ?? gone.Error);

        var created = await portal.Services.GetRequiredService<ConnectionService>().CreateAsync(ada,
            new CreateConnectionRequest("us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", Guid.NewGuid(), "Orders warehouse"));
        Assert.True(created.Succeeded, created.InputError?.Message ?? created.Refusal);
        var id = created.ConnectionId!.Value;

        // Every status move (Requested → Creating → PendingAcceptance) has its delivery per subscription, saved with the move.
        var toCreating = await WaitForAsync(db => Delivered(db, hook.Subscription!.Id, "Creating"));
        var toPending = await WaitForAsync(db => Delivered(db, hook.Subscription!.Id, "PendingAcceptance"));

        // The webhook answered 500 twice: those two attempts were retried, and every request carries a valid signature.
        Assert.Equal(2 + 2, toCreating.Attempts + toPending.Attempts);
        Assert.Equal(4, receiver.Received.Count);
        var secret = hook.Secret!;
        Assert.All(receiver.Received, request =>
            Assert.True(WebhookSignature.Verify(secret, request.Timestamp, request.Body, request.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));
        var received = receiver.Received.Last(r => r.DeliveryId == toPending.Id.ToString()).Body;
        Assert.Equal(id, JsonDocument.Parse(received).RootElement.GetProperty("connection").GetProperty("id").GetGuid());
        Assert.Equal("Creating", JsonDocument.Parse(received).RootElement.GetProperty("previousStatus").GetString());

        // The receiver that answers 410 is tried once per notification, never again.
        var refused = await WaitForAsync(async db => await db.NotificationDeliveries.FirstOrDefaultAsync(d => d.SubscriptionId == gone.Subscription!.Id && d.Status == DeliveryStatus.Failed));
        Assert.Equal((1, 410), (refused.Attempts, refused.LastHttpStatus));

        // The mailbox: the move to "waiting for acceptance" and exactly one reminder.
        await WaitUntilAsync(() => smtp.Messages.Any(m => (m.Subject ?? "").Contains("waiting for acceptance")) && smtp.Messages.Any(m => (m.Subject ?? "").Contains("expires")));
        var reminder = Assert.Single(smtp.Messages, m => (m.Subject ?? "").Contains("expires"));
        Assert.Equal("ops@acme.example", reminder.To.Mailboxes.Single().Address);
        Assert.Contains(id.ToString(), reminder.TextBody ?? "");
        Assert.Equal(0, await portal.Services.GetRequiredService<NotificationDispatcher>().EnqueueDueRemindersAsync(CancellationToken.None));
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.NotificationDeliveries.CountAsync(d => d.EventType == NotificationEventTypes.ExpiryReminder));
        }
    }

    private static Task<NotificationDelivery?> Delivered(PortalDbContext db, Guid subscriptionId, string status) =>
        db.NotificationDeliveries.FirstOrDefaultAsync(d => d.SubscriptionId == subscriptionId && d.Status == DeliveryStatus.Delivered
            && d.Payload.Contains($"\"status\":\"{status}\""));

    private async Task<T> WaitForAsync<T>(Func<PortalDbContext, Task<T?>> probe) where T : class
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await probe(db) is { } found)
                {
                    return found;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                await using var db = await factory.CreateDbContextAsync();
                var log = await db.NotificationDeliveries.OrderBy(d => d.CreatedAt).Select(d => $"{d.Summary} [{d.Status}, {d.Attempts} attempts, {d.LastError}]").ToListAsync();
                Assert.Fail("The expected notification did not arrive in time. Deliveries:\n" + string.Join("\n", log));
            }
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected e-mail did not arrive in time.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await smtp.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
        }
    }
}
