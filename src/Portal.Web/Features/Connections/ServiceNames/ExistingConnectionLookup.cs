using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Account;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>One live connection per service and workspace (the database enforces it too, with a filtered unique index).</summary>
public static class ExistingConnectionLookup
{
    /// <summary>The id of the workspace's connection to this service that is not deleted, or null.</summary>
    public static async Task<Guid?> FindLiveAsync(IQueryable<Connection> connections, WorkspaceAccess access, EndpointServiceName serviceName, CancellationToken cancellationToken = default) =>
        await connections.AsNoTracking()
            .InWorkspace(access)
            .Live()
            .Where(c => c.ServiceName == serviceName)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static string LinkTo(Guid connectionId) => $"/connections/{connectionId}";

    public static ServiceNameError AlreadyConnected(Guid connectionId) =>
        new(ServiceNameErrorCode.AlreadyConnected, ServiceNameMessages.AlreadyConnected,
            Link: new ServiceNameLink(LinkTo(connectionId), ServiceNameMessages.OpenExistingConnection));
}
