using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <param name="ServiceName">The normalised name that was checked, when the input was valid.</param>
/// <param name="Refusal">Why the portal did not even try (a rate limit), in words for the customer.</param>
public sealed record VerifyOutcome(string? ServiceName, string? Note, ServiceNameError? InputError, VerifiedService? Service, ProvisioningFailure? Failure, string? Refusal = null)
{
    public bool Succeeded => Service is not null;

    public static VerifyOutcome Refused(string refusal) => new(null, null, null, null, null, refusal);
}
