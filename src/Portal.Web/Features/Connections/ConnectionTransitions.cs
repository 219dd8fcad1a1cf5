using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>
/// The one place where a connection changes status: it writes the timeline event and the audit entry in the same
/// unit of work, and reports the change so it can be pushed to open pages after the save.
/// </summary>
public sealed class ConnectionTransitions(AuditLog audit, TimeProvider clock)
{
    public const string SystemActor = "system";

    /// <returns>The change to publish, or null when the status did not change.</returns>
    public ConnectionChange? MoveTo(PortalDbContext db, Connection connection, ConnectionStatus to, string message, PortalUser? actor = null)
    {
        var now = clock.GetUtcNow();
        connection.UpdatedAt = now;
        if (connection.Status == to)
        {
            return null;
        }

        var from = connection.Status;
        connection.Status = to;
        connection.StatusChangedAt = now;
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            At = now,
            FromStatus = from,
            ToStatus = to,
            Message = message,
            Actor = actor is { IsAuthenticated: true } ? actor.Name : SystemActor,
        });
        audit.Add(db, actor, AuditActions.StatusChanged, AuditOutcome.Succeeded, connection.WorkspaceId, connection.Id, $"{from} → {to}: {message}");
        return new ConnectionChange(connection.Id, connection.WorkspaceId, to);
    }

    /// <summary>Records a notable event that does not change the status (e.g. a retry), on the timeline only.</summary>
    public void Note(PortalDbContext db, Connection connection, string message, PortalUser? actor = null)
    {
        var now = clock.GetUtcNow();
        connection.UpdatedAt = now;
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            At = now,
            FromStatus = connection.Status,
            ToStatus = connection.Status,
            Message = message,
            Actor = actor is { IsAuthenticated: true } ? actor.Name : SystemActor,
        });
    }

    /// <summary>How an AWS endpoint state shows to customers.</summary>
    public static ConnectionStatus StatusFor(EndpointState state) => state switch
    {
        EndpointState.PendingAcceptance => ConnectionStatus.PendingAcceptance,
        EndpointState.Pending => ConnectionStatus.Pending,
        // "partial": usable in some of its zones; AwsState keeps the exact word for support.
        EndpointState.Available or EndpointState.Partial => ConnectionStatus.Available,
        EndpointState.Rejected => ConnectionStatus.Rejected,
        EndpointState.Expired => ConnectionStatus.Expired,
        EndpointState.Failed => ConnectionStatus.Failed,
        EndpointState.Deleting => ConnectionStatus.Deleting,
        EndpointState.Deleted => ConnectionStatus.Deleted,
        _ => ConnectionStatus.Unknown,
    };

    public static string DescribeArrival(ConnectionStatus status) => status switch
    {
        ConnectionStatus.PendingAcceptance => "The endpoint exists and waits for the service owner to accept it.",
        ConnectionStatus.Pending => "Accepted. AWS is setting up the network interfaces.",
        ConnectionStatus.Available => "The endpoint is available.",
        ConnectionStatus.Rejected => "The service owner rejected the connection.",
        ConnectionStatus.Expired => "AWS reports the connection request expired.",
        ConnectionStatus.Failed => "AWS reports the endpoint failed.",
        ConnectionStatus.Deleting => "The endpoint is being deleted.",
        ConnectionStatus.Deleted => "The endpoint is deleted.",
        _ => "AWS reported a state the portal does not know.",
    };
}
