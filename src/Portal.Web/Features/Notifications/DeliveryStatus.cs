namespace Portal.Web.Features.Notifications;

public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    Delivered,
    /// <summary>Given up: refused for good, or out of attempts.</summary>
    Failed,
}
