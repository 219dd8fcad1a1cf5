namespace Portal.Web.Provisioning;

public sealed record EndpointObservation(
    string EndpointId,
    EndpointState State,
    string RawState,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> SubnetIds,
    string? SecurityGroupId = null,
    string? LastError = null);
