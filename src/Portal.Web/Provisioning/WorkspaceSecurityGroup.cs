namespace Portal.Web.Provisioning;

/// <summary>
/// The pair of security groups that isolates a workspace in a region: the workers group goes on the workspace's
/// sync pods, the endpoints group on its endpoints and admits only the workers group.
/// </summary>
public sealed class WorkspaceSecurityGroup
{
    public required string WorkspaceId { get; set; }
    public required string Region { get; set; }
    public required string WorkersGroupId { get; set; }
    public required string EndpointsGroupId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
