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
