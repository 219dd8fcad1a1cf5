using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>Which status a connection may move to from which, and how AWS's endpoint states read as statuses.</summary>
public static class ConnectionStatusMoves
{
    /// <summary>The states AWS reports for a live endpoint; AWS may move between any of them.</summary>
    private static readonly ConnectionStatus[] Observed =
        [ConnectionStatus.PendingAcceptance, ConnectionStatus.Pending, ConnectionStatus.Available, ConnectionStatus.Rejected, ConnectionStatus.Unknown];

    private static readonly ConnectionStatus[] EndOfLife = [ConnectionStatus.Expired, ConnectionStatus.Failed, ConnectionStatus.Deleting, ConnectionStatus.Deleted];

    private static readonly Dictionary<ConnectionStatus, HashSet<ConnectionStatus>> Allowed = new()
    {
        // Stored, not yet sent: the worker starts creating, or a delete ends it before any AWS call.
        [ConnectionStatus.Requested] = [ConnectionStatus.Creating, ConnectionStatus.Deleting, ConnectionStatus.Deleted, ConnectionStatus.Failed],
        // The endpoint AWS made (or had already made) may be in any state.
        [ConnectionStatus.Creating] = [.. Observed, .. EndOfLife],
        [ConnectionStatus.PendingAcceptance] = [.. Observed, .. EndOfLife],
        [ConnectionStatus.Pending] = [.. Observed, .. EndOfLife],
        [ConnectionStatus.Available] = [.. Observed, .. EndOfLife],
        [ConnectionStatus.Rejected] = [.. Observed, .. EndOfLife],
        [ConnectionStatus.Unknown] = [.. Observed, .. EndOfLife],
        // Support retries the creation or the deletion that failed; a delete removes what is left.
        [ConnectionStatus.Failed] = [ConnectionStatus.Requested, ConnectionStatus.Deleting, ConnectionStatus.Deleted],
        // Its endpoint is deleted by the worker; a customer may still ask to delete it, or the delete may fail.
        [ConnectionStatus.Expired] = [ConnectionStatus.Deleting, ConnectionStatus.Deleted, ConnectionStatus.Failed],
        [ConnectionStatus.Deleting] = [ConnectionStatus.Deleted, ConnectionStatus.Failed],
        [ConnectionStatus.Deleted] = [],
    };

    public static bool IsAllowed(ConnectionStatus from, ConnectionStatus to) =>
        from != to && Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

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
