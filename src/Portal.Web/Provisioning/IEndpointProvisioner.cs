namespace Portal.Web.Provisioning;

/// <summary>
/// Creates and watches our interface VPC endpoints. Two implementations: AWS (AWSSDK.EC2) and Simulated.
/// Every method returns a typed outcome instead of throwing for the failures callers must handle.
/// </summary>
public interface IEndpointProvisioner
{
    /// <summary>Looks the endpoint service up like the console's "Verify service" and works out the shared zones.</summary>
    Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the interface endpoint for a connection, or returns the one already made for it
    /// (found by ClientToken or by the connection tag), so a retry never makes a second endpoint.
    /// </summary>
    Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the live endpoint made for a connection by its connection tag, or null. Used before deleting a connection
    /// whose endpoint id was never saved (a crash between the AWS call and the save).
    /// </summary>
    Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Describes many endpoints of one region in as few calls as possible. Endpoints AWS no longer knows are reported as <see cref="EndpointState.Deleted"/>.</summary>
    Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken);

    /// <summary>Deletes an endpoint; one that is already gone counts as deleted.</summary>
    Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken);
}

public sealed record CreateEndpointRequest(
    Guid ConnectionId,
    string WorkspaceId,
    EndpointServiceName ServiceName,
    string ClientToken)
{
    public string Region => ServiceName.Region;
}

public sealed record VerifiedService(
    string ServiceName,
    string ServiceId,
    bool AcceptanceRequired,
    string? PrivateDnsName,
    IReadOnlyList<string> ServiceZoneIds,
    IReadOnlyList<SharedZone> SharedZones);

/// <summary>An availability zone both sides have, identified by zone ID (zone names differ between accounts).</summary>
public sealed record SharedZone(string ZoneId, string ZoneName, string SubnetId);

public sealed record EndpointObservation(
    string EndpointId,
    EndpointState State,
    string RawState,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> SubnetIds,
    string? SecurityGroupId = null,
    string? LastError = null);

/// <summary>AWS endpoint states, mapped without regard to case; anything else is <see cref="Unknown"/>.</summary>
public enum EndpointState
{
    Unknown,
    PendingAcceptance,
    Pending,
    Available,
    Partial,
    Rejected,
    Expired,
    Failed,
    Deleting,
    Deleted,
}

public static class EndpointStates
{
    public static EndpointState Parse(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "pendingacceptance" => EndpointState.PendingAcceptance,
        "pending" => EndpointState.Pending,
        "available" => EndpointState.Available,
        "partial" => EndpointState.Partial,
        "rejected" => EndpointState.Rejected,
        "expired" => EndpointState.Expired,
        "failed" => EndpointState.Failed,
        "deleting" => EndpointState.Deleting,
        "deleted" => EndpointState.Deleted,
        _ => EndpointState.Unknown,
    };
}

public enum ProvisioningFailureKind
{
    /// <summary>AWS answers <c>InvalidServiceName</c> both for a typo and for a service that has not allowlisted us.</summary>
    ServiceNotFoundOrNotAllowlisted,
    NoSharedAvailabilityZone,
    /// <summary>Throttling, 5xx, timeouts: worth retrying.</summary>
    Transient,
    /// <summary>Will not succeed by retrying; <see cref="ProvisioningFailure.Reason"/> says why.</summary>
    Permanent,
}

/// <param name="Reason">Plain words safe for a customer page.</param>
/// <param name="Detail">Raw AWS error code and message, for support only.</param>
public sealed record ProvisioningFailure(
    ProvisioningFailureKind Kind,
    string Reason,
    string? Detail = null,
    IReadOnlyList<string>? ServiceZones = null,
    IReadOnlyList<string>? OurZones = null)
{
    public bool IsTransient => Kind == ProvisioningFailureKind.Transient;
}

public sealed class ProvisioningResult<T>
{
    private ProvisioningResult(T? value, ProvisioningFailure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }
    public ProvisioningFailure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static ProvisioningResult<T> Success(T value) => new(value, null);
    public static ProvisioningResult<T> Fail(ProvisioningFailure failure) => new(default, failure);

    public static implicit operator ProvisioningResult<T>(ProvisioningFailure failure) => Fail(failure);
}
