namespace Portal.Web.Features.Notifications;

public enum NotificationChannel
{
    Email,
    Webhook,
}
