namespace Portal.Web.Features.Notifications;

/// <summary>A workspace's wish to hear about its connections: by e-mail to some addresses, or by a signed webhook.</summary>
public sealed class NotificationSubscription
{
    public Guid Id { get; set; }
    public string WorkspaceId { get; set; } = "";
    public NotificationChannel Channel { get; set; }
    /// <summary>The e-mail addresses (comma-separated) or the webhook's https URL.</summary>
    public string Target { get; set; } = "";
    /// <summary>The webhook's signing secret, protected with ASP.NET Data Protection; null for e-mail.</summary>
    public string? ProtectedSecret { get; set; }
    public NotificationTopics Topics { get; set; }
    public bool Enabled { get; set; } = true;
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public bool Wants(NotificationTopics topic) => Enabled && (Topics & topic) != 0;
}
