using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Hosting.Logging;
using Portal.Web.Hosting.Telemetry;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>
/// Keeps connection statuses true to AWS. Each cycle describes every connection that is due a check, grouped by
/// region so the provisioner can batch (up to 1000 endpoints per call): AWS calls grow with regions, not connections.
/// Settling states are checked every few seconds, available ones every few minutes to notice a rejection or a deletion
/// made outside the portal. Waiting for acceptance past the limit expires the connection and deletes its endpoint.
/// With several portal instances on one database, each cycle first takes the due connections with a lease, so no two
/// instances describe the same endpoint at the same time.
/// </summary>
public sealed class ConnectionReconciler(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEndpointProvisioner provisioner,
    ConnectionJournal journal,
    ConnectionNotifier notifier,
    ProvisioningSignal workerSignal,
    TimeProvider clock,
    IOptions<ReconcilerOptions> options,
    ILogger<ConnectionReconciler> logger) : BackgroundService
{
    private ReconcilerOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.Tick, clock);
        do
        {
            try
            {
                await ReconcileOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A reconciliation cycle failed; the next one will try again");
            }
        }
        while (await WaitForTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<ReconcileReport> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Read only what comparing with AWS needs; most cycles change nothing, so nothing is tracked up front.
        var due = await db.Connections.AsNoTracking()
            .Where(c => c.EndpointId != null
                && c.PendingOperation == ConnectionOperation.None
                && c.Status != ConnectionStatus.Deleted
                && c.Status != ConnectionStatus.Failed
                // An expired connection is still watched until AWS has deleted its endpoint.
                && (c.Status != ConnectionStatus.Expired || c.DeletedAt == null)
                && (c.NextCheckAt == null || c.NextCheckAt <= now))
            .Select(c => new DueConnection(c.Id, c.Region, c.EndpointId!, c.Status, c.AwsState, c.AcceptanceDeadline, c.DnsNames))
            .ToListAsync(cancellationToken);
        due = await TakeAsync(db, due, now, cancellationToken);
        if (due.Count == 0)
        {
            return new ReconcileReport(0, 0, 0, 0);
        }
        // Only cycles with work get a span: most ticks find nothing due.
        using var activity = PortalTelemetry.ActivitySource.StartActivity("reconciler cycle");
        activity?.SetTag("portal.connections.due", due.Count);

        var regionsFailed = 0;
        var unchanged = new Dictionary<TimeSpan, List<Guid>>();
        var changed = new Dictionary<Guid, EndpointObservation>();
        var byRegion = due.GroupBy(c => c.Region).ToList();
        foreach (var region in byRegion)
        {
            var connections = region.ToDictionary(c => c.EndpointId, StringComparer.Ordinal);
            var result = await provisioner.DescribeEndpointsAsync(region.Key, connections.Keys, cancellationToken);
            if (!result.Succeeded)
            {
                regionsFailed++;
                logger.LogWarning("Describing {Count} endpoints in {Region} failed: {Kind} {Detail}", connections.Count, region.Key, result.Failure!.Kind, result.Failure.Detail ?? result.Failure.Reason);
                Bucket(unchanged, Options.FastPollInterval).AddRange(connections.Values.Select(c => c.Id));
                continue;
            }

            foreach (var observation in result.Value!)
            {
                if (!connections.TryGetValue(observation.EndpointId, out var connection))
                {
                    continue;
                }
                if (connection.NeedsUpdate(observation, now))
                {
                    changed[connection.Id] = observation;
                }
                else
                {
                    Bucket(unchanged, connection.Status.IsSettling() ? Options.FastPollInterval : Options.SlowPollInterval).Add(connection.Id);
                }
            }
        }

        // Unchanged connections only get their next check time, in one statement per interval.
        foreach (var (interval, ids) in unchanged)
        {
            var next = now + interval;
            await db.Connections
                .Where(c => ids.Contains(c.Id) && c.PendingOperation == ConnectionOperation.None)
                .ExecuteUpdateAsync(set => Connection.ScheduleCheck(set, next), cancellationToken);
        }

        var changes = new List<ConnectionChange>();
        if (changed.Count > 0)
        {
            var ids = changed.Keys.ToList();
            var tracked = await db.Connections.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
            var expired = false;
            foreach (var connection in tracked.Where(c => c.PendingOperation == ConnectionOperation.None))
            {
                expired |= connection.Observe(changed[connection.Id], now, Options);
            }
            changes.AddRange(journal.Record(db));
            await SaveSkippingConflictsAsync(db, changes, cancellationToken);
            if (expired)
            {
                workerSignal.Notify();
            }
            foreach (var change in changes)
            {
                using (logger.BeginConnectionScope(change.ConnectionId, change.WorkspaceId))
                {
                    logger.LogInformation("Connection {ConnectionId} is now {Status}", change.ConnectionId, change.Status);
                }
            }
            notifier.Publish(changes);
        }
        activity?.SetTag("portal.connections.changed", changes.Count);
        activity?.SetTag("portal.regions.failed", regionsFailed);
        return new ReconcileReport(due.Count, byRegion.Count, changes.Count, regionsFailed);
    }

    /// <summary>
    /// Takes the due connections for this cycle: one compare-and-set pushes their next check to a lease end that only
    /// this cycle uses, and the rows carrying it are this cycle's. Another instance's concurrent cycle takes the rest.
    /// </summary>
    private async Task<List<DueConnection>> TakeAsync(PortalDbContext db, List<DueConnection> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return due;
        }
        var ids = due.Select(c => c.Id).ToList();
        var lease = now + Options.CheckLease + TimeSpan.FromTicks(Random.Shared.Next(1, 1_000_000));
        await db.Connections
            .Where(c => ids.Contains(c.Id) && (c.NextCheckAt == null || c.NextCheckAt <= now))
            .ExecuteUpdateAsync(set => Connection.ScheduleCheck(set, lease), cancellationToken);
        var taken = (await db.Connections.Where(c => ids.Contains(c.Id) && c.NextCheckAt == lease).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return due.Where(c => taken.Contains(c.Id)).ToList();
    }

    private static List<Guid> Bucket(Dictionary<TimeSpan, List<Guid>> buckets, TimeSpan interval)
    {
        if (!buckets.TryGetValue(interval, out var ids))
        {
            ids = [];
            buckets[interval] = ids;
        }
        return ids;
    }

    /// <summary>The columns a cycle compares with AWS.</summary>
    private sealed record DueConnection(Guid Id, string Region, string EndpointId, ConnectionStatus Status, string? AwsState, DateTimeOffset? AcceptanceDeadline, List<string> DnsNames)
    {
        public bool NeedsUpdate(EndpointObservation observation, DateTimeOffset now) =>
            !string.Equals(AwsState, observation.RawState, StringComparison.Ordinal)
            || (observation.DnsNames.Count > 0 && !observation.DnsNames.SequenceEqual(DnsNames))
            || ConnectionStatusMoves.StatusFor(observation.State) != Status && Status != ConnectionStatus.Deleting
            || Status == ConnectionStatus.Deleting && observation.State is EndpointState.Deleted or EndpointState.Failed
            || Status == ConnectionStatus.PendingAcceptance && (AcceptanceDeadline is null || now >= AcceptanceDeadline);
    }

    /// <summary>A row changed by a customer or the worker during the cycle is left for the next cycle.</summary>
    private async Task SaveSkippingConflictsAsync(PortalDbContext db, List<ConnectionChange> changes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                foreach (var entry in conflict.Entries)
                {
                    if (entry.Entity is Connection skipped)
                    {
                        changes.RemoveAll(c => c.ConnectionId == skipped.Id);
                        foreach (var added in db.ChangeTracker.Entries<ConnectionEvent>().Where(e => e.Entity.ConnectionId == skipped.Id).ToList())
                        {
                            added.State = EntityState.Detached;
                        }
                        foreach (var audit in db.ChangeTracker.Entries<Features.Audit.AuditEntry>().Where(e => e.Entity.ConnectionId == skipped.Id && e.State == EntityState.Added).ToList())
                        {
                            audit.State = EntityState.Detached;
                        }
                    }
                    entry.State = EntityState.Detached;
                }
            }
        }
    }
}
