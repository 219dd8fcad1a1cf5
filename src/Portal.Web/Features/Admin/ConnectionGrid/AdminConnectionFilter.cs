using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin.ConnectionGrid;

/// <summary>What support narrows the all-connections grid by. Empty values mean "any".</summary>
public sealed record AdminConnectionFilter(
    ConnectionStatus? Status = null,
    string? Region = null,
    string? WorkspaceId = null,
    string? Search = null);
