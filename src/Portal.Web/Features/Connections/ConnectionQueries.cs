using Portal.Web.Features.Account;

namespace Portal.Web.Features.Connections;

/// <summary>The tenant boundary of every customer query: only the connections of the workspace the caller has access to.</summary>
public static class ConnectionQueries
{
    public static IQueryable<Connection> InWorkspace(this IQueryable<Connection> connections, WorkspaceAccess access) =>
        connections.Where(c => c.WorkspaceId == access.WorkspaceId);

    /// <summary>Connections that still hold (or may hold) an endpoint: everything but Deleted.</summary>
    public static IQueryable<Connection> Live(this IQueryable<Connection> connections) =>
        connections.Where(c => c.Status != ConnectionStatus.Deleted);
}
