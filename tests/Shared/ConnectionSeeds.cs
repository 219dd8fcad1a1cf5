using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.Tests.Shared;

/// <summary>
/// Connections in a given status for tests and benchmarks, reached only through the entity's own lifecycle methods,
/// so a seeded row is one the portal could really have made. Linked into each test project and the benchmarks.
/// </summary>
public static class ConnectionSeeds
{
    public const string ServiceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    /// <summary>The name the wizard would propose for this service ("us-east-1 vpce-svc-…"), so tests get one name per service.</summary>
    public static string NameFor(string serviceName)
    {
        const string prefix = "com.amazonaws.vpce.";
        return serviceName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? serviceName[prefix.Length..].Trim().Replace('.', ' ') : serviceName.Trim();
    }

    public static EndpointServiceName Name(string serviceName) =>
        ServiceNameParser.Parse(serviceName).Name ?? throw new ArgumentException($"\"{serviceName}\" is not a valid endpoint service name.", nameof(serviceName));

    /// <param name="updatedAt">When the steps after the request happened; by default at the moment of the request.</param>
    /// <param name="name">By default the name the wizard proposes for the service.</param>
    /// <param name="endpointId">Ignored for statuses that have no endpoint (Requested, Creating, Failed).</param>
    public static Connection InStatus(ConnectionStatus status, string workspaceId = "ws-acme", string serviceName = ServiceName,
        string endpointId = "vpce-0aaaabbbbccccdddd", DateTimeOffset? at = null, string createdBy = "Ada Lovelace",
        string? privateDnsName = null, Guid? id = null, DateTimeOffset? updatedAt = null, string? name = null, string? description = null)
    {
        var requestedAt = at ?? new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var now = updatedAt ?? requestedAt;
        var serviceNameParsed = Name(serviceName);
        var verified = privateDnsName is null ? null : new VerifiedService(serviceNameParsed.Value, serviceNameParsed.ServiceId, true, privateDnsName, [], []);
        var connection = Connection.Request(id ?? Guid.NewGuid(), workspaceId, serviceNameParsed, name ?? ConnectionNames.Suggest(serviceNameParsed.Region, serviceNameParsed.ServiceId),
            description, Guid.NewGuid().ToString("N"), verified, "ada", createdBy, requestedAt);
        if (status == ConnectionStatus.Requested)
        {
            return connection;
        }
        connection.StartAttempt(now);
        switch (status)
        {
            case ConnectionStatus.Creating:
                return connection;
            case ConnectionStatus.Failed:
                connection.Fail(new ProvisioningFailure(ProvisioningFailureKind.Permanent, "AWS refused to create the endpoint."), now);
                return connection;
            case ConnectionStatus.Expired:
                Create(connection, serviceNameParsed, endpointId, EndpointState.PendingAcceptance, now);
                connection.Expire("The service owner did not accept the connection in time, so the endpoint was deleted.", now);
                return connection;
            case ConnectionStatus.Deleting or ConnectionStatus.Deleted:
                Create(connection, serviceNameParsed, endpointId, EndpointState.Available, now);
                connection.QueueDelete(createdBy, now);
                if (status == ConnectionStatus.Deleted)
                {
                    connection.StartAttempt(now);
                    connection.CompleteDelete(endpointId, EndpointState.Deleted, now, TimeSpan.FromSeconds(5));
                }
                return connection;
            default:
                Create(connection, serviceNameParsed, endpointId, StateOf(status), now);
                return connection;
        }
    }

    private static void Create(Connection connection, EndpointServiceName name, string endpointId, EndpointState state, DateTimeOffset now) =>
        connection.CompleteCreate(
            new EndpointObservation(endpointId, state, RawStateOf(state), [$"{endpointId}-x.{name.ServiceId}.{name.Region}.vpce.amazonaws.com"], ["subnet-0111b2c3d4e5f6071"]),
            now, TimeSpan.FromDays(3), TimeSpan.FromSeconds(5));

    private static EndpointState StateOf(ConnectionStatus status) => status switch
    {
        ConnectionStatus.PendingAcceptance => EndpointState.PendingAcceptance,
        ConnectionStatus.Pending => EndpointState.Pending,
        ConnectionStatus.Available => EndpointState.Available,
        ConnectionStatus.Rejected => EndpointState.Rejected,
        _ => EndpointState.Unknown,
    };

    private static string RawStateOf(EndpointState state) => state switch
    {
        EndpointState.PendingAcceptance => "pendingAcceptance",
        EndpointState.Unknown => "mystery",
        _ => state.ToString().ToLowerInvariant(),
    };
}
