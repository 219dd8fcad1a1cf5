namespace Portal.Web.Features.Notifications;

/// <summary>The <c>type</c> of a notification, as receivers see it in the payload and the <c>X-Portal-Event</c> header.</summary>
public static class NotificationEventTypes
{
    public const string StatusChanged = "connection.status_changed";
    public const string ExpiryReminder = "connection.expiry_reminder";
    public const string Test = "test";
}
