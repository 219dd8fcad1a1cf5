namespace Portal.Web.Features.Notifications;

/// <summary>How pages name the topics.</summary>
public static class NotificationTopicNames
{
    public static readonly IReadOnlyList<(NotificationTopics Topic, string Label)> All =
    [
        (NotificationTopics.StatusChanges, "Every status change"),
        (NotificationTopics.Failures, "Failures"),
        (NotificationTopics.ExpiryReminders, "Expiry reminders"),
    ];
}
