using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api.Contracts;

/// <summary>A connection as its workspace sees it (the customer detail page's facts; AWS's raw errors stay with support).</summary>
/// <param name="Version">Changes whenever the connection does; also the <c>ETag</c> of <c>GET …/connections/{id}</c>.</param>
public sealed record ApiConnection(
    Guid Id,
    string WorkspaceId,
    string Name,
    string? Description,
    string Region,
    string ServiceName,
    ConnectionStatus Status,
    DateTimeOffset StatusChangedAt,
    string? EndpointId,
    IReadOnlyList<string> DnsNames,
    bool AcceptanceRequired,
    DateTimeOffset? AcceptanceDeadline,
    string? FailureReason,
    string? RetryReason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static ApiConnection From(Connection c) => new(
        c.Id, c.WorkspaceId, c.Name, c.Description, c.Region, c.ServiceName.Value, c.Status, c.StatusChangedAt, c.EndpointId, c.DnsNames,
        c.AcceptanceRequired, c.AcceptanceDeadline, c.FailureReason, c.RetryReason, c.CreatedByName, c.CreatedAt, c.UpdatedAt, c.Version);
}
