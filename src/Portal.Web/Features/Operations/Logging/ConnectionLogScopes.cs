namespace Portal.Web.Features.Operations.Logging;

/// <summary>
/// Scopes that put the workspace and connection ids on every log line written inside them, as structured
/// properties (JSON console, OpenTelemetry), so one connection's story can be filtered out of the logs.
/// </summary>
public static class ConnectionLogScopes
{
    public const string ConnectionId = nameof(ConnectionId);
    public const string WorkspaceId = nameof(WorkspaceId);

    public static IDisposable? BeginConnectionScope(this ILogger logger, Guid connectionId, string workspaceId) =>
        logger.BeginScope(new KeyValuePair<string, object>[] { new(ConnectionId, connectionId), new(WorkspaceId, workspaceId) });

    public static IDisposable? BeginWorkspaceScope(this ILogger logger, string workspaceId) =>
        logger.BeginScope(new KeyValuePair<string, object>[] { new(WorkspaceId, workspaceId) });
}
