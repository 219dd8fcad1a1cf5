using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;

namespace Portal.Web.Features.Connections;

/// <summary>
/// What support staff can do to any connection, across workspaces. Every method checks the Support role itself,
/// whatever page calls it, and audits the action.
/// </summary>
public sealed class ConnectionSupportActions(
    IDbContextFactory<PortalDbContext> dbFactory,
    ConnectionService connections,
    ConnectionReconciler reconciler,
    ConnectionJournal journal,
    TimeProvider clock,
    AuditLog audit,
    ConnectionNotifier notifier,
    ProvisioningSignal workerSignal)
{
    /// <summary>The connection with its timeline, from any workspace.</summary>
    public async Task<Connection?> FindAsync(PortalUser caller, Guid connectionId, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking()
            .Include(c => c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
    }

    /// <summary>The connection's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(PortalUser caller, Guid connectionId, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ConnectionId == connectionId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Describes the endpoint now instead of waiting for its next scheduled check.</summary>
    public async Task<bool> RefreshAsync(PortalUser caller, Guid connectionId, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var workspaceId = await db.Connections.Where(c => c.Id == connectionId).Select(c => c.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
            if (workspaceId is null)
            {
                return false;
            }
            await db.Connections.Where(c => c.Id == connectionId)
                .ExecuteUpdateAsync(set => Connection.ScheduleCheck(set, null), cancellationToken);
            audit.Add(db, caller, AuditActions.ConnectionRefreshed, AuditOutcome.Succeeded, workspaceId, connectionId);
            await db.SaveChangesAsync(cancellationToken);
        }
        await reconciler.ReconcileOnceAsync(cancellationToken);
        return true;
    }

    /// <summary>Puts a failed connection back in the worker's queue: the same request (and ClientToken) runs again.</summary>
    public async Task<bool> RetryAsync(PortalUser caller, Guid connectionId, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is not { Status: ConnectionStatus.Failed })
        {
            return false;
        }

        // What failed is on the timeline: the status the connection left when it became Failed.
        var failedFrom = await db.ConnectionEvents
            .Where(e => e.ConnectionId == connectionId && e.ToStatus == ConnectionStatus.Failed)
            .OrderByDescending(e => e.Id)
            .Select(e => e.FromStatus)
            .FirstOrDefaultAsync(cancellationToken);
        connection.RetryFailed(caller.Name, deletionFailed: failedFrom == ConnectionStatus.Deleting, clock.GetUtcNow());
        audit.Add(db, caller, AuditActions.ConnectionRetried, AuditOutcome.Succeeded, connection.WorkspaceId, connection.Id);
        var changes = journal.Record(db, caller);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(changes);
        workerSignal.Notify();
        return true;
    }

    public Task<DeleteOutcome> DeleteAsync(PortalUser caller, Guid connectionId, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        return connections.RequestDeleteAsync(caller, all => all.Where(c => c.Id == connectionId), cancellationToken);
    }
}
