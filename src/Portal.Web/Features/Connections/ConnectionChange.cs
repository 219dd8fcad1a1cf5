namespace Portal.Web.Features.Connections;

/// <summary>What changed, enough for a page to decide whether to reload.</summary>
public sealed record ConnectionChange(Guid ConnectionId, string WorkspaceId, ConnectionStatus Status);
