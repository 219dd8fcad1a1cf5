namespace Portal.Web.Provisioning;

public sealed record VerifiedService(
    string ServiceName,
    string ServiceId,
    bool AcceptanceRequired,
    string? PrivateDnsName,
    IReadOnlyList<string> ServiceZoneIds,
    IReadOnlyList<SharedZone> SharedZones);
