namespace Portal.Web.Features.Notifications;

/// <summary>What a subscription wants to hear about.</summary>
[Flags]
public enum NotificationTopics
{
    None = 0,
    /// <summary>Every status move of a connection (failures included).</summary>
    StatusChanges = 1,
    /// <summary>Only moves to Failed.</summary>
    Failures = 2,
    /// <summary>A connection waiting for acceptance is about to expire.</summary>
    ExpiryReminders = 4,
}
