namespace Portal.Web.Provisioning;

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
