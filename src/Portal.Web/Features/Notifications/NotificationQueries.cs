using Portal.Web.Data;

namespace Portal.Web.Features.Notifications;

/// <summary>The delivery log query customers (one workspace) and support (any) share.</summary>
internal static class NotificationQueries
{
    public static IQueryable<DeliveryView> Deliveries(PortalDbContext db, string? workspaceId) =>
        from d in db.NotificationDeliveries
        join s in db.NotificationSubscriptions on d.SubscriptionId equals s.Id
        where workspaceId == null || d.WorkspaceId == workspaceId
        orderby d.CreatedAt descending
        select new DeliveryView(d.Id, d.WorkspaceId, d.SubscriptionId, s.Channel, s.Target, d.EventType, d.Summary, d.Status,
            d.Attempts, d.LastHttpStatus, d.LastError, d.CreatedAt, d.LastAttemptAt, d.DeliveredAt, d.NextAttemptAt);
}
