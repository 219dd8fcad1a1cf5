namespace Portal.Web.Features.EgressIps;

/// <summary>A customer asked for a region's PrivateLink egress IPs.</summary>
public sealed class EgressIpRequest
{
    public long Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string Region { get; set; }
    public required string RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
