namespace Portal.Web.Features.Notifications;

/// <summary>One line of the delivery log.</summary>
public sealed record DeliveryView(Guid Id, string WorkspaceId, Guid SubscriptionId, NotificationChannel Channel, string Target,
    string EventType, string Summary, DeliveryStatus Status, int Attempts, int? LastHttpStatus, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt);
