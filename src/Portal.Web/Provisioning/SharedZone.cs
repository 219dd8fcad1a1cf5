namespace Portal.Web.Provisioning;

/// <summary>An availability zone both sides have, identified by zone ID (zone names differ between accounts).</summary>
public sealed record SharedZone(string ZoneId, string ZoneName, string SubnetId);
