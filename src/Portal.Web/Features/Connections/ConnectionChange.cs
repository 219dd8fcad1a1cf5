namespace Portal.Web.Features.Connections;

/// <summary>What changed, enough for a page to decide whether to reload.</summary>
public sealed record ConnectionChange(Guid ConnectionId, string WorkspaceId, ConnectionStatus Status)
{
    /// <summary>
    /// "Anything may have changed": changes from other instances may have been missed (their channel reconnected),
    /// so every page reads what it shows again.
    /// </summary>
    public static readonly ConnectionChange Resync = new(Guid.Empty, "", ConnectionStatus.Unknown);

    public bool Concerns(Guid connectionId) => ConnectionId == connectionId || this == Resync;

    public bool ConcernsWorkspace(string? workspaceId) => WorkspaceId == workspaceId || this == Resync;
}
