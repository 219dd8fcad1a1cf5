namespace Portal.Web.Features.Notifications;

/// <summary>
/// One notification to one subscription: the outbox row, written in the same save as the change it reports, then
/// claimed and sent by the <see cref="NotificationDispatcher"/>. Also the delivery log customers and support read.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public string WorkspaceId { get; set; } = "";
    public Guid? ConnectionId { get; set; }
    public string EventType { get; set; } = "";
    /// <summary>Makes a one-off notification (a reminder) unique per subscription, whichever instance writes it.</summary>
    public string? DedupeKey { get; set; }
    /// <summary>One line: the e-mail subject and the log's description.</summary>
    public string Summary { get; set; } = "";
    /// <summary>The JSON body a webhook receives (and the e-mail is written from).</summary>
    public string Payload { get; set; } = "";

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
    public string? LastError { get; set; }
    public int? LastHttpStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
