using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Writes the deliveries of a notification into the caller's unit of work: a status move and its notifications
/// commit together (a crash loses none, a rolled-back move sends none). The dispatcher sends them afterwards.
/// </summary>
public sealed class NotificationOutbox(TimeProvider clock, IOptions<NotificationOptions> options) : IConnectionMoveRecorder
{
    public void Record(PortalDbContext db, Connection connection, IReadOnlyList<ConnectionEvent> moves)
    {
        // Synchronous by necessity (the journal runs just before the caller's save); one small indexed query.
        var subscriptions = db.NotificationSubscriptions.AsNoTracking()
            .Where(s => s.WorkspaceId == connection.WorkspaceId && s.Enabled)
            .ToList();
        foreach (var move in moves)
        {
            var topic = move.ToStatus == ConnectionStatus.Failed ? NotificationTopics.StatusChanges | NotificationTopics.Failures : NotificationTopics.StatusChanges;
            var message = NotificationMessage.StatusChanged(connection, move, options.Value.PortalUrl);
            foreach (var subscription in subscriptions.Where(s => s.Wants(topic)))
            {
                Add(db, subscription, message);
            }
        }
    }

    public NotificationDelivery Add(PortalDbContext db, NotificationSubscription subscription, NotificationMessage message)
    {
        var now = clock.GetUtcNow();
        var delivery = new NotificationDelivery
        {
            Id = Guid.NewGuid(),
            SubscriptionId = subscription.Id,
            WorkspaceId = subscription.WorkspaceId,
            ConnectionId = message.ConnectionId,
            EventType = message.EventType,
            DedupeKey = message.DedupeKey,
            Summary = message.Summary.Length <= 512 ? message.Summary : message.Summary[..512],
            Payload = message.Payload,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.NotificationDeliveries.Add(delivery);
        return delivery;
    }
}
