using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Turns what connections put on their timelines into audit entries in the same unit of work, and says what to push to
/// open pages once it is saved. Call it just before saving: every status move gets its audit entry exactly once, and
/// every <see cref="IConnectionMoveRecorder"/> (e.g. the notification outbox) writes its rows into the same save.
/// </summary>
public sealed class ConnectionJournal(AuditLog audit, IEnumerable<IConnectionMoveRecorder> recorders)
{
    /// <param name="actor">The signed-in user behind the changes, or null for the worker and reconciler.</param>
    /// <returns>One change per connection that has something new on its timeline.</returns>
    public IReadOnlyList<ConnectionChange> Record(PortalDbContext db, PortalUser? actor = null)
    {
        var changes = new List<ConnectionChange>();
        foreach (var connection in db.ChangeTracker.Entries<Connection>().Select(e => e.Entity).ToList())
        {
            var events = connection.TakeRecordedEvents();
            if (events.Count == 0)
            {
                continue;
            }
            var moves = events.Where(e => e.FromStatus is { } from && from != e.ToStatus).ToList();
            foreach (var move in moves)
            {
                audit.Add(db, actor, AuditActions.StatusChanged, AuditOutcome.Succeeded, connection.WorkspaceId, connection.Id,
                    $"{move.FromStatus} → {move.ToStatus}: {move.Message}");
            }
            if (moves.Count > 0)
            {
                foreach (var recorder in recorders)
                {
                    recorder.Record(db, connection, moves);
                }
            }
            changes.Add(new ConnectionChange(connection.Id, connection.WorkspaceId, connection.Status));
        }
        return changes;
    }
}
