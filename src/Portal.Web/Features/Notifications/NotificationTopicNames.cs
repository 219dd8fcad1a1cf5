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

    /// <summary>Every topic a subscription can choose.</summary>
    public static readonly NotificationTopics Known = All.Aggregate(NotificationTopics.None, (known, t) => known | t.Topic);

    /// <summary>At least one topic, and none the portal does not know.</summary>
    public static bool IsValidChoice(NotificationTopics topics) => topics != NotificationTopics.None && (topics & ~Known) == 0;

    /// <summary>The labels of the chosen topics, in the order the pages list them.</summary>
    public static IEnumerable<string> LabelsOf(NotificationTopics topics) => All.Where(t => (topics & t.Topic) != 0).Select(t => t.Label);
}
