namespace Portal.Web.Features.Audit;

public static class AuditActions
{
    public const string ServiceVerified = "connection.verify";
    public const string ConnectionCreated = "connection.create";
    public const string ConnectionDeleted = "connection.delete";
    public const string ConnectionDetailsChanged = "connection.details";
    public const string StatusChanged = "connection.status";
    public const string ConnectionRefreshed = "connection.refresh";
    public const string ConnectionRetried = "connection.retry";
    public const string EgressIpsRequested = "egress-ips.request";
    public const string RegionSettingsChanged = "region.update";
    public const string SimulatedOwnerDecision = "simulator.owner-decision";
    public const string NotificationSubscribed = "notification.subscribe";
    public const string NotificationUnsubscribed = "notification.unsubscribe";
    public const string NotificationChanged = "notification.update";
}
