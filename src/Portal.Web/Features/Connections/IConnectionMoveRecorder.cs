using Portal.Web.Data;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Something else another feature writes for each status move, into the same unit of work as the move (notifications
/// put their outbox rows here), so it commits or rolls back with the move. Called by <see cref="ConnectionJournal"/>.
/// </summary>
public interface IConnectionMoveRecorder
{
    /// <param name="moves">The connection's new timeline entries that changed its status, oldest first; never empty.</param>
    void Record(PortalDbContext db, Connection connection, IReadOnlyList<ConnectionEvent> moves);
}
