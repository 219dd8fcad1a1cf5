namespace Portal.Web.Features.Notifications;

/// <summary>What a customer fills in to subscribe: a channel, its target, and the topics.</summary>
public sealed record SubscriptionRequest(NotificationChannel Channel, string Target, NotificationTopics Topics);
