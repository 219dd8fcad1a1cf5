namespace Portal.Web.Features.Connections;

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
