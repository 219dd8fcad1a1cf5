namespace Portal.Web.Hosting.Logging;

/// <summary>
/// Scopes that put the workspace and connection ids on every log line written inside them: as properties for
/// structured sinks (JSON console, OpenTelemetry) and as readable text for the plain console.
/// </summary>
public static class ConnectionLogScopes
{
    public static IDisposable? BeginConnectionScope(this ILogger logger, Guid connectionId, string workspaceId) =>
        logger.BeginScope("Connection {ConnectionId} of workspace {WorkspaceId}", connectionId, workspaceId);

    public static IDisposable? BeginWorkspaceScope(this ILogger logger, string workspaceId) =>
        logger.BeginScope("Workspace {WorkspaceId}", workspaceId);
}
