using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin.ConnectionGrid;

/// <summary>What support narrows the all-connections grid by. Empty values mean "any".</summary>
public sealed record AdminConnectionFilter(
    ConnectionStatus? Status = null,
    string? Region = null,
    string? WorkspaceId = null,
    string? Search = null);

public enum AdminConnectionSortColumn
{
    CreatedAt,
    UpdatedAt,
    Status,
    Workspace,
    Region,
    ServiceName,
}

public sealed record AdminConnectionSort(AdminConnectionSortColumn Column = AdminConnectionSortColumn.CreatedAt, bool Descending = true)
{
    public static readonly AdminConnectionSort Newest = new();
}

/// <summary>One grid row: only the columns the grid shows are read from the database.</summary>
public sealed record AdminConnectionRow(
    Guid Id,
    ConnectionStatus Status,
    string WorkspaceId,
    string Region,
    string ServiceName,
    string? EndpointId,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
