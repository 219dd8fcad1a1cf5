using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using static Portal.Web.Provisioning.Simulated.SimulatedLifecycle;

namespace Portal.Web.Provisioning.Simulated;

/// <summary>
/// Plays the customer's side in development: accepts or rejects our endpoint on their endpoint service, as
/// AcceptVpcEndpointConnections / RejectVpcEndpointConnections would. Registered only in Simulated mode.
/// </summary>
public sealed class SimulatedServiceOwner(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<SimulatedProvisionerOptions> options)
{
    /// <summary>pendingAcceptance → pending (then available after the pending delay).</summary>
    public Task<SimulatedOwnerDecision> AcceptAsync(string endpointId, CancellationToken cancellationToken = default) =>
        DecideAsync(endpointId, Pending, "accepted", cancellationToken);

    /// <summary>pendingAcceptance → rejected, for good: AWS cannot accept it afterwards.</summary>
    public Task<SimulatedOwnerDecision> RejectAsync(string endpointId, CancellationToken cancellationToken = default) =>
        DecideAsync(endpointId, Rejected, "rejected", cancellationToken);

    private async Task<SimulatedOwnerDecision> DecideAsync(string endpointId, string to, string verb, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.SimulatedEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.EndpointId == endpointId, cancellationToken);
        if (endpoint is null)
        {
            return new(false, EndpointState.Deleted, $"There is no endpoint {endpointId}.");
        }
        var now = clock.GetUtcNow();
        var (state, _) = Current(endpoint, now, options.Value);
        if (state != PendingAcceptance || !await TryMoveAsync(db, endpoint, to, now, cancellationToken))
        {
            return new(false, EndpointStates.Parse(state), $"Only an endpoint waiting for acceptance can be {verb}; {endpointId} is {state}.");
        }
        return new(true, EndpointStates.Parse(to), $"The service owner {verb} {endpointId}.");
    }
}
