namespace Portal.Web.Provisioning;

public static class EndpointStates
{
    public static EndpointState Parse(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "pendingacceptance" => EndpointState.PendingAcceptance,
        "pending" => EndpointState.Pending,
        "available" => EndpointState.Available,
        "partial" => EndpointState.Partial,
        "rejected" => EndpointState.Rejected,
        "expired" => EndpointState.Expired,
        "failed" => EndpointState.Failed,
        "deleting" => EndpointState.Deleting,
        "deleted" => EndpointState.Deleted,
        _ => EndpointState.Unknown,
    };
}
