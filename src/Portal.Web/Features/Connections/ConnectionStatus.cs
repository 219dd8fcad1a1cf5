namespace Portal.Web.Features.Connections;

/// <summary>The lifecycle of a PrivateLink connection as customers and support see it (design.md §2).</summary>
public enum ConnectionStatus
{
    Requested,
    Creating,
    PendingAcceptance,
    Pending,
    Available,
    Rejected,
    Failed,
    Expired,
    Deleting,
    Deleted,
    /// <summary>AWS reported a state we do not know; shown as is, never a crash.</summary>
    Unknown,
}

/// <summary>Work the provisioning worker still owes a connection. Stored with the connection so it survives restarts.</summary>
public enum ConnectionOperation
{
    None,
    Create,
    Delete,
}

public static class ConnectionStatusRules
{
    /// <summary>Statuses the reconciler no longer polls.</summary>
    public static bool IsTerminal(this ConnectionStatus status) =>
        status is ConnectionStatus.Deleted or ConnectionStatus.Failed or ConnectionStatus.Expired;

    /// <summary>Statuses that change on their own within minutes, so they are polled fast.</summary>
    public static bool IsSettling(this ConnectionStatus status) =>
        status is ConnectionStatus.Requested or ConnectionStatus.Creating or ConnectionStatus.PendingAcceptance
            or ConnectionStatus.Pending or ConnectionStatus.Deleting or ConnectionStatus.Unknown;
}
