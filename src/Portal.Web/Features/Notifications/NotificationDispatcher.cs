using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Lifecycle;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Sends the outbox: claims due deliveries with a compare-and-set UPDATE (several portal instances on one database
/// never send the same one twice at once; a crashed instance's claim lapses after the lease), sends each by its
/// channel, and records the outcome: delivered, retried later with exponential backoff and jitter, or failed.
/// Each cycle first writes the expiry reminders that have come due; once an hour it deletes finished deliveries older
/// than the log's retention.
/// </summary>
public sealed class NotificationDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationOutbox outbox,
    EmailSender email,
    WebhookSender webhooks,
    NotificationSignal signal,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly string dispatcherId = $"{Environment.MachineName[..Math.Min(60, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private readonly Random jitter = new();
    private DateTimeOffset nextPruneAt = DateTimeOffset.MinValue;
    private NotificationOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await EnqueueDueRemindersAsync(stoppingToken);
                sent = await DispatchDueAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextPruneAt)
                {
                    nextPruneAt = clock.GetUtcNow() + PruneInterval;
                    await PruneLogAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The notification dispatcher failed a cycle; it will try again");
            }
            if (sent == 0)
            {
                try
                {
                    await signal.WaitAsync(Options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One reminder per subscription and acceptance deadline, once the deadline is within the lead time. The unique
    /// (subscription, dedupe key) index makes it exactly once, across restarts and instances.
    /// </summary>
    /// <returns>How many reminders this call wrote.</returns>
    public async Task<int> EnqueueDueRemindersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + Options.ReminderLeadTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Connections.AsNoTracking()
            .Where(c => c.Status == ConnectionStatus.PendingAcceptance && c.AcceptanceDeadline != null && c.AcceptanceDeadline > now && c.AcceptanceDeadline <= horizon)
            .Where(c => db.NotificationSubscriptions.Any(s => s.WorkspaceId == c.WorkspaceId && s.Enabled && (s.Topics & NotificationTopics.ExpiryReminders) != 0))
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var connection in due)
        {
            var message = NotificationMessage.ExpiryReminder(connection, connection.AcceptanceDeadline!.Value, now, Options.PortalUrl);
            var subscriptions = await db.NotificationSubscriptions.AsNoTracking()
                .Where(s => s.WorkspaceId == connection.WorkspaceId && s.Enabled && (s.Topics & NotificationTopics.ExpiryReminders) != 0)
                .Where(s => !db.NotificationDeliveries.Any(d => d.SubscriptionId == s.Id && d.DedupeKey == message.DedupeKey))
                .ToListAsync(cancellationToken);
            foreach (var subscription in subscriptions)
            {
                var delivery = outbox.Add(db, subscription, message);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    written++;
                }
                catch (DbUpdateException)
                {
                    // Another instance wrote the same reminder first.
                    db.Entry(delivery).State = EntityState.Detached;
                }
            }
        }
        return written;
    }

    /// <summary>
    /// Deletes finished deliveries older than the retention. Every instance may run it: the delete is the same for all,
    /// and a row one instance deleted is simply not there for the next.
    /// </summary>
    /// <returns>How many deliveries left the log.</returns>
    public async Task<int> PruneLogAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Options.LogKeptFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.NotificationDeliveries
            .Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} notification deliveries finished before {Cutoff:u}", deleted, cutoff);
        }
        return deleted;
    }

    /// <summary>Claims the deliveries that are due and sends them. Returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimDueAsync(Math.Max(1, Options.BatchSize), cancellationToken);
        foreach (var id in claimed)
        {
            await SendAsync(id, cancellationToken);
        }
        return claimed.Count;
    }

    private async Task<List<Guid>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.NotificationDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimExpiresAt == null || d.ClaimExpiresAt < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        var leaseEnd = now + Options.ClaimLease;
        foreach (var id in candidates)
        {
            // Compare-and-set: only one dispatcher's UPDATE matches while the claim is free.
            var rows = await db.NotificationDeliveries
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.ClaimExpiresAt == null || d.ClaimExpiresAt < now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.ClaimedBy, dispatcherId)
                    .SetProperty(d => d.ClaimExpiresAt, leaseEnd), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    private async Task SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var delivery = await db.NotificationDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ClaimedBy == dispatcherId, CancellationToken.None);
        if (delivery is null)
        {
            return;
        }
        var subscription = await db.NotificationSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, CancellationToken.None);
        SendResult result;
        try
        {
            result = subscription switch
            {
                null or { Enabled: false } => SendResult.GiveUp("The subscription was switched off or removed."),
                { Channel: NotificationChannel.Email } => await email.SendAsync(subscription, delivery, cancellationToken),
                _ => await webhooks.SendAsync(subscription, delivery, cancellationToken),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            delivery.ClaimedBy = null;
            delivery.ClaimExpiresAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending notification {DeliveryId} failed unexpectedly", delivery.Id);
            result = SendResult.Retry($"Unexpected error: {ex.Message}");
        }
        Apply(delivery, result);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Apply(NotificationDelivery delivery, SendResult result)
    {
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastHttpStatus = result.HttpStatus;
        delivery.ClaimedBy = null;
        delivery.ClaimExpiresAt = null;
        if (result.Delivered)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.LastError = null;
            return;
        }
        delivery.LastError = result.Error is { Length: > 1024 } long_ ? long_[..1024] : result.Error;
        if (result.Retryable && delivery.Attempts < Options.MaxAttempts)
        {
            delivery.NextAttemptAt = now + RetryBackoff.Delay(delivery.Attempts, Options.BaseBackoff, Options.MaxBackoff, jitter);
            logger.LogInformation("Notification {DeliveryId} attempt {Attempt} failed ({Error}); retrying at {NextAttemptAt}", delivery.Id, delivery.Attempts, result.Error, delivery.NextAttemptAt);
        }
        else
        {
            delivery.Status = DeliveryStatus.Failed;
            logger.LogWarning("Notification {DeliveryId} failed after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, result.Error);
        }
    }
}
