namespace Portal.Web.Provisioning;

/// <summary>AWS endpoint states, mapped without regard to case; anything else is <see cref="Unknown"/>.</summary>
public enum EndpointState
{
    Unknown,
    PendingAcceptance,
    Pending,
    Available,
    Partial,
    Rejected,
    Expired,
    Failed,
    Deleting,
    Deleted,
}
