using System.Diagnostics;

namespace Portal.Web.Hosting.Telemetry;

/// <summary>The names under which the portal publishes its own metrics and traces.</summary>
public static class PortalTelemetry
{
    public const string MeterName = "PrivateLinkPortal";
    public const string ActivitySourceName = "PrivateLinkPortal";

    /// <summary>Spans around background work: a provisioning request handled, a reconciliation cycle, a provisioner call.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
