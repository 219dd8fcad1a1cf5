namespace Portal.Web.Features.Audit;

/// <summary>Append-only record of who did what, to which workspace and connection, and how it ended.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? WorkspaceId { get; set; }
    public Guid? ConnectionId { get; set; }
    /// <summary>A stable action name, see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? Details { get; set; }
    public string? ClientAddress { get; set; }
}
