using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// A workspace's notification subscriptions and delivery log. Every method takes the caller's
/// <see cref="WorkspaceAccess"/> and reaches only that workspace's rows, whatever id is passed.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationOutbox outbox,
    NotificationSignal signal,
    WebhookAddressGuard guard,
    WebhookSecrets secrets,
    EmailSender email,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxSubscriptionsPerWorkspace = 10;
    public const int LogSize = 100;

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(WorkspaceAccess access, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NotificationSubscriptions.AsNoTracking()
            .Where(s => s.WorkspaceId == access.WorkspaceId)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(SubscriptionView.From).ToList();
    }

    public async Task<SubscriptionOutcome> SubscribeAsync(WorkspaceAccess access, SubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        if (!NotificationTopicNames.IsValidChoice(request.Topics))
        {
            return SubscriptionOutcome.Invalid("Choose at least one kind of notification.");
        }
        string target;
        if (request.Channel == NotificationChannel.Email)
        {
            if (!email.IsConfigured)
            {
                return SubscriptionOutcome.Invalid("E-mail notifications are not available: no mail server is configured for this portal.");
            }
            if (EmailAddresses.Check(request.Target) is { } emailError)
            {
                return SubscriptionOutcome.Invalid(emailError);
            }
            target = EmailAddresses.Normalize(request.Target);
        }
        else
        {
            if (await guard.CheckAsync(request.Target, cancellationToken) is { } urlError)
            {
                return SubscriptionOutcome.Invalid(urlError);
            }
            target = request.Target.Trim();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.NotificationSubscriptions.CountAsync(s => s.WorkspaceId == access.WorkspaceId, cancellationToken) >= MaxSubscriptionsPerWorkspace)
        {
            return SubscriptionOutcome.Invalid($"A workspace can have at most {MaxSubscriptionsPerWorkspace} subscriptions. Remove one first.");
        }
        var secret = request.Channel == NotificationChannel.Webhook ? WebhookSignature.NewSecret() : null;
        var subscription = new NotificationSubscription
        {
            Id = Guid.NewGuid(),
            WorkspaceId = access.WorkspaceId,
            Channel = request.Channel,
            Target = target,
            ProtectedSecret = secret is null ? null : secrets.Protect(secret),
            Topics = request.Topics,
            Enabled = true,
            CreatedByName = access.User.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.NotificationSubscriptions.Add(subscription);
        audit.Add(db, access.User, AuditActions.NotificationSubscribed, AuditOutcome.Succeeded, access.WorkspaceId,
            details: $"{subscription.Channel} to {target} ({subscription.Topics}).");
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionOutcome(null, SubscriptionView.From(subscription), secret);
    }

    /// <returns>False when the subscription is not one of the workspace's.</returns>
    public async Task<bool> SetEnabledAsync(WorkspaceAccess access, Guid subscriptionId, bool enabled, CancellationToken cancellationToken = default) =>
        await ChangeAsync(access, subscriptionId, s => s.Enabled = enabled, enabled ? "Switched on" : "Switched off", cancellationToken);

    /// <returns>False when the subscription is not one of the workspace's, or the topics are no valid choice.</returns>
    public async Task<bool> SetTopicsAsync(WorkspaceAccess access, Guid subscriptionId, NotificationTopics topics, CancellationToken cancellationToken = default) =>
        NotificationTopicNames.IsValidChoice(topics)
        && await ChangeAsync(access, subscriptionId, s => s.Topics = topics, $"Topics set to {topics}", cancellationToken);

    public async Task<bool> UnsubscribeAsync(WorkspaceAccess access, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, access, subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return false;
        }
        db.NotificationSubscriptions.Remove(subscription);
        audit.Add(db, access.User, AuditActions.NotificationUnsubscribed, AuditOutcome.Succeeded, access.WorkspaceId,
            details: $"{subscription.Channel} to {subscription.Target} removed.");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The webhook's secret in clear, for the customer to copy into their receiver; null for others' or e-mail subscriptions.</summary>
    public async Task<string?> RevealSecretAsync(WorkspaceAccess access, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, access, subscriptionId, cancellationToken);
        return subscription?.ProtectedSecret is { } protectedSecret ? secrets.Unprotect(protectedSecret) : null;
    }

    /// <summary>A new secret for a webhook; the old one stops working at once. Returns the new secret, or null.</summary>
    public async Task<string?> RotateSecretAsync(WorkspaceAccess access, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        var secret = WebhookSignature.NewSecret();
        var rotated = await ChangeAsync(access, subscriptionId, s =>
        {
            if (s.Channel == NotificationChannel.Webhook)
            {
                s.ProtectedSecret = secrets.Protect(secret);
            }
        }, "Webhook secret rotated", cancellationToken, webhookOnly: true);
        return rotated ? secret : null;
    }

    /// <summary>Queues a test notification to one subscription; it shows up in the log like any other.</summary>
    public async Task<bool> SendTestAsync(WorkspaceAccess access, Guid subscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, access, subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return false;
        }
        outbox.Add(db, subscription, NotificationMessage.Test(access.WorkspaceId, access.User.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(WorkspaceAccess access, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NotificationQueries.Deliveries(db, access.WorkspaceId).Take(LogSize).ToListAsync(cancellationToken);
    }

    private static Task<NotificationSubscription?> FindAsync(PortalDbContext db, WorkspaceAccess access, Guid id, CancellationToken cancellationToken) =>
        db.NotificationSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == access.WorkspaceId, cancellationToken);

    private async Task<bool> ChangeAsync(WorkspaceAccess access, Guid subscriptionId, Action<NotificationSubscription> change, string what,
        CancellationToken cancellationToken, bool webhookOnly = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await FindAsync(db, access, subscriptionId, cancellationToken);
        if (subscription is null || (webhookOnly && subscription.Channel != NotificationChannel.Webhook))
        {
            return false;
        }
        change(subscription);
        audit.Add(db, access.User, AuditActions.NotificationChanged, AuditOutcome.Succeeded, access.WorkspaceId,
            details: $"{what}: {subscription.Channel} to {subscription.Target}.");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
