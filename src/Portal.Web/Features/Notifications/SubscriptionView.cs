namespace Portal.Web.Features.Notifications;

/// <summary>A subscription as pages show it (never its secret).</summary>
public sealed record SubscriptionView(Guid Id, string WorkspaceId, NotificationChannel Channel, string Target, NotificationTopics Topics,
    bool Enabled, string CreatedByName, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(NotificationSubscription s) =>
        new(s.Id, s.WorkspaceId, s.Channel, s.Target, s.Topics, s.Enabled, s.CreatedByName, s.CreatedAt);
}
