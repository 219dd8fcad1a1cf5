using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api.Contracts;

public sealed record ApiSupportConnectionRow(Guid Id, ConnectionStatus Status, string WorkspaceId, string Region, string ServiceName, string? EndpointId, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
