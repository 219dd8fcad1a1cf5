using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin.ConnectionGrid;

/// <summary>One grid row: only the columns the grid shows are read from the database.</summary>
public sealed record AdminConnectionRow(
    Guid Id,
    ConnectionStatus Status,
    string WorkspaceId,
    string Region,
    string Name,
    string ServiceName,
    string? EndpointId,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
