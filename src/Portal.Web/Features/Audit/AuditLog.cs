using Portal.Web.Data;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Audit;

/// <summary>Writes audit entries into the caller's unit of work, so the entry and the change it describes commit together.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public const string SystemActorId = "system";
    public const string SystemActorName = "PrivateLink Portal";

    public AuditEntry Add(PortalDbContext db, PortalUser? actor, string action, AuditOutcome outcome,
        string? workspaceId = null, Guid? connectionId = null, string? details = null, string? clientAddress = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor is { IsAuthenticated: true } ? actor.Id : SystemActorId,
            ActorName = actor is { IsAuthenticated: true } ? actor.Name : SystemActorName,
            WorkspaceId = workspaceId,
            ConnectionId = connectionId,
            Action = action,
            Outcome = outcome,
            Details = details,
            ClientAddress = clientAddress ?? actor?.ClientAddress,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
