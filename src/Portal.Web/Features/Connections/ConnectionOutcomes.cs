using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>What the customer typed, plus the id the wizard generated once, so a double submit is one request.</summary>
public sealed record CreateConnectionInput(string Region, string ServiceName, Guid RequestId);

/// <param name="ServiceName">The normalised name that was checked, when the input was valid.</param>
/// <param name="Refusal">Why the portal did not even try (a rate limit), in words for the customer.</param>
public sealed record VerifyOutcome(string? ServiceName, string? Note, ServiceNameError? InputError, VerifiedService? Service, ProvisioningFailure? Failure, string? Refusal = null)
{
    public bool Succeeded => Service is not null;

    public static VerifyOutcome Refused(string refusal) => new(null, null, null, null, null, refusal);
}

/// <param name="Refusal">Why the portal did not store the request (a rate limit, the workspace's cap), in words for the customer.</param>
public sealed record CreateOutcome(Guid? ConnectionId, ServiceNameError? InputError, string? Refusal = null)
{
    public bool Succeeded => ConnectionId is not null;
}

public enum DeleteOutcome
{
    Requested,
    AlreadyDeleting,
    NotFound,
}
