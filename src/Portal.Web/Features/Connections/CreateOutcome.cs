using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.Web.Features.Connections;

/// <param name="Refusal">Why the portal did not store the request (a rate limit, the workspace's cap), in words for the customer.</param>
/// <param name="DetailsErrors">Why the name or description was refused (badly formed, or the name is taken).</param>
/// <param name="RetryAfter">Set when a rate limit refused the request: how long until it may be tried again.</param>
public sealed record CreateOutcome(Guid? ConnectionId, ServiceNameError? InputError, string? Refusal = null, ConnectionDetailsErrors? DetailsErrors = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => ConnectionId is not null;
}
