using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>What the customer typed, plus the id the wizard generated once, so a double submit is one request.</summary>
public sealed record CreateConnectionInput(string Region, string ServiceName, Guid RequestId);

/// <param name="ServiceName">The normalised name that was checked, when the input was valid.</param>
public sealed record VerifyOutcome(string? ServiceName, string? Note, ServiceNameError? InputError, VerifiedService? Service, ProvisioningFailure? Failure)
{
    public bool Succeeded => Service is not null;
}

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
