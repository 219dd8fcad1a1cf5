namespace Portal.Web.Features.Admin.AuditView;

/// <summary>What support narrows the audit log by. <see cref="From"/> and <see cref="To"/> are whole UTC days, both included.</summary>
public sealed record AuditFilter(
    string? WorkspaceId = null,
    string? Actor = null,
    string? Action = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? ConnectionId = null);
