using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Provisioning.Simulated;

/// <summary>The AWS endpoint state machine, shared by the provisioner and the simulated service owner.</summary>
internal static class SimulatedLifecycle
{
    public const string PendingAcceptance = "pendingAcceptance";
    public const string Pending = "pending";
    public const string Available = "available";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Deleting = "deleting";
    public const string Deleted = "deleted";

    public const string ProvisioningError = "AWS could not provision the endpoint's network interfaces in the service's zones.";

    /// <summary>
    /// The state a stored endpoint has reached by now. Time-based steps are worked out when someone looks, so they are
    /// exact under a fake clock and need no timer; the step happens at its due time, not at the time of looking.
    /// </summary>
    public static (string State, DateTimeOffset Since) Current(SimulatedEndpoint endpoint, DateTimeOffset now, SimulatedProvisionerOptions options)
    {
        (string State, TimeSpan After)? next = (endpoint.State, SimulatedServices.BehaviourOf(endpoint.ServiceName)) switch
        {
            (Pending, SimulatedServiceBehaviour.FailsAfterAcceptance) => (Failed, options.PendingDelay),
            (Pending, _) => (Available, options.PendingDelay),
            (PendingAcceptance, SimulatedServiceBehaviour.OwnerRejects) => (Rejected, options.PendingDelay),
            (Deleting, _) => (Deleted, options.DeletingDelay),
            _ => null,
        };
        return next is { } step && now - endpoint.StateChangedAt >= step.After
            ? (step.State, endpoint.StateChangedAt + step.After)
            : (endpoint.State, endpoint.StateChangedAt);
    }

    /// <summary>
    /// Moves the stored endpoint on, unless someone else (worker, reconciler, owner panel) changed its state since it was read.
    /// States only ever move forward, so comparing the state is enough.
    /// </summary>
    public static async Task<bool> TryMoveAsync(PortalDbContext db, SimulatedEndpoint endpoint, string to, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var from = endpoint.State;
        var moved = await db.SimulatedEndpoints
            .Where(e => e.EndpointId == endpoint.EndpointId && e.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, to).SetProperty(e => e.StateChangedAt, at), cancellationToken);
        return moved == 1;
    }

    public static EndpointObservation Observe(SimulatedEndpoint endpoint, string state) => new(
        endpoint.EndpointId,
        EndpointStates.Parse(state),
        state,
        endpoint.DnsNames,
        endpoint.SubnetIds,
        endpoint.WorkspaceTag is null ? null : SecurityGroupOf(endpoint.WorkspaceTag, endpoint.Region),
        state == Failed ? ProvisioningError : null);

    public static EndpointObservation Gone(string endpointId) => new(endpointId, EndpointState.Deleted, Deleted, [], []);

    public static string NewId(string prefix, int hexLength) => prefix + RandomNumberGenerator.GetHexString(hexLength, lowercase: true);

    /// <summary>The workspace's endpoints security group: stable per workspace and region, like the one the AWS provisioner creates once.</summary>
    private static string SecurityGroupOf(string workspaceId, string region) =>
        "sg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{workspaceId}/{region}")))[..17];
}
