namespace Portal.Web.Provisioning;

public sealed record CreateEndpointRequest(
    Guid ConnectionId,
    string WorkspaceId,
    EndpointServiceName ServiceName,
    string ClientToken)
{
    public string Region => ServiceName.Region;
}
