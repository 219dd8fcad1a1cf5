namespace Portal.Web.Provisioning.Simulated;

/// <summary>
/// The simulated AWS side of an interface endpoint. Stored in the portal database so the simulation
/// survives a restart the way real endpoints do.
/// </summary>
public sealed class SimulatedEndpoint
{
    public required string EndpointId { get; set; }
    public required string Region { get; set; }
    public required string ServiceName { get; set; }
    /// <summary>AWS wire state, lower camel case: pendingAcceptance, pending, available, rejected, deleting, deleted, failed.</summary>
    public required string State { get; set; }
    public string? ClientToken { get; set; }
    /// <summary>Value of the portal's connection-id tag, used to find an endpoint after a crash.</summary>
    public string? ConnectionTag { get; set; }
    public string? WorkspaceTag { get; set; }
    public List<string> SubnetIds { get; set; } = [];
    public List<string> DnsNames { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset StateChangedAt { get; set; }
}
