using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Notifications;

/// <summary>Support's read-only view of every workspace's subscriptions and deliveries.</summary>
public sealed class NotificationSupportView(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int LogSize = 200;

    public async Task<IReadOnlyList<SubscriptionView>> SubscriptionsAsync(PortalUser caller, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NotificationSubscriptions.AsNoTracking()
            .Where(s => workspaceId == null || s.WorkspaceId == workspaceId)
            .OrderBy(s => s.WorkspaceId).ThenBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(SubscriptionView.From).ToList();
    }

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(PortalUser caller, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NotificationQueries.Deliveries(db, workspaceId).Take(LogSize).ToListAsync(cancellationToken);
    }
}
