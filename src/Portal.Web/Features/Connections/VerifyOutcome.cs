using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Hosting.Limits;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <param name="ServiceName">The normalised name that was checked, when the input was valid.</param>
/// <param name="Refusal">Why the portal did not even try (a rate limit), in words for the customer.</param>
/// <param name="RetryAfter">Set with a rate-limit refusal: how long until the check may be tried again.</param>
public sealed record VerifyOutcome(string? ServiceName, string? Note, ServiceNameError? InputError, VerifiedService? Service, ProvisioningFailure? Failure, string? Refusal = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Service is not null;

    public static VerifyOutcome Refused(ActionLimitResult limit) => new(null, null, null, null, null, limit.Refusal, limit.RetryAfter);
}
