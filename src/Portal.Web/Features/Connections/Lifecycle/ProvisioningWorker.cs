using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Hosting.Logging;
using Portal.Web.Hosting.Telemetry;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>
/// Carries out stored create and delete requests (intent first, AWS second). Work is claimed with an atomic
/// compare-and-set on the row, so two portal processes on one database never act on the same request; a crashed
/// worker's claim lapses after <see cref="ProvisioningWorkerOptions.ClaimLease"/> and the request is resumed. A live worker
/// renews its claim while an attempt runs, however long the AWS calls take, and abandons the attempt if the claim was lost.
/// </summary>
public sealed class ProvisioningWorker(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEndpointProvisioner provisioner,
    ConnectionJournal journal,
    ConnectionNotifier notifier,
    ProvisioningSignal signal,
    TimeProvider clock,
    IOptions<ProvisioningWorkerOptions> workerOptions,
    IOptions<ReconcilerOptions> reconcilerOptions,
    ILogger<ProvisioningWorker> logger) : BackgroundService
{
    private readonly string workerId = $"{Environment.MachineName[..Math.Min(60, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Random jitter = new();
    private ProvisioningWorkerOptions Options => workerOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The provisioning worker failed a cycle; it will try again");
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitAsync(Options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims the requests that are due and carries them out. Returns how many were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimDueAsync(Math.Max(1, Options.Concurrency), cancellationToken);
        await Task.WhenAll(claimed.Select(id => HandleAsync(id, cancellationToken)));
        return claimed.Count;
    }

    /// <summary>Number of requests waiting for the worker (due or backing off).</summary>
    public async Task<int> CountQueuedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.CountAsync(c => c.PendingOperation != ConnectionOperation.None, cancellationToken);
    }

    private async Task<List<Guid>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Connections
            .Where(c => c.PendingOperation != ConnectionOperation.None
                && (c.NextAttemptAt == null || c.NextAttemptAt <= now)
                && (c.ClaimExpiresAt == null || c.ClaimExpiresAt < now))
            .OrderBy(c => c.NextAttemptAt)
            .Select(c => c.Id)
            .Take(max * 2)
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>();
        var leaseEnd = now + Options.ClaimLease;
        foreach (var id in candidates)
        {
            if (claimed.Count == max)
            {
                break;
            }
            // Compare-and-set: only one worker's UPDATE matches while the claim is free.
            var rows = await db.Connections
                .Where(c => c.Id == id && c.PendingOperation != ConnectionOperation.None && (c.ClaimExpiresAt == null || c.ClaimExpiresAt < now))
                .ExecuteUpdateAsync(set => Connection.Claim(set, workerId, leaseEnd), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    private async Task HandleAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == connectionId && c.ClaimedBy == workerId, CancellationToken.None);
        if (connection is null)
        {
            return;
        }

        using var scope = logger.BeginConnectionScope(connection.Id, connection.WorkspaceId);
        using var activity = PortalTelemetry.ActivitySource.StartActivity("provisioning handle");
        activity?.SetTag("portal.connection.id", connection.Id);
        activity?.SetTag("portal.workspace.id", connection.WorkspaceId);
        activity?.SetTag("portal.operation", connection.PendingOperation.ToString());
        IReadOnlyList<ConnectionChange> changes;
        using var claimLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var operation = connection.PendingOperation;
            Action<Connection> applyFacts;
            using (var attemptDone = new CancellationTokenSource())
            {
                var renewal = KeepClaimAsync(connectionId, claimLost, attemptDone.Token);
                try
                {
                    applyFacts = operation switch
                    {
                        ConnectionOperation.Create => await CreateAsync(connection, claimLost.Token),
                        ConnectionOperation.Delete => await DeleteAsync(connection, claimLost.Token),
                        _ => _ => { },
                    };
                }
                finally
                {
                    await attemptDone.CancelAsync();
                    await renewal;
                }
            }
            if (claimLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(claimLost.Token);
            }
            connection.ReleaseClaim();
            changes = await SaveResolvingConflictsAsync(db, connection, operation, applyFacts);
        }
        catch (OperationCanceledException) when (claimLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Another worker holds the request now (this one stalled past its lease): its attempt wins, this result is dropped.
            logger.LogWarning("The claim on connection {ConnectionId} was lost during the attempt; its result is abandoned", connectionId);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-call: free the claim so the next start resumes at once. If AWS did create the
            // endpoint, the retry finds it by ClientToken or by its connection tag.
            await ReleaseClaimAsync(connectionId);
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling the {Operation} request of connection {ConnectionId} failed", connection.PendingOperation, connection.Id);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            await ReleaseClaimAsync(connectionId, retryAt: clock.GetUtcNow() + Options.BaseBackoff);
            return;
        }
        notifier.Publish(changes);
    }

    /// <summary>
    /// Extends the claim every third of the lease while the attempt runs, so a slow attempt (SDK timeouts and retries)
    /// is never taken over by another instance. Cancels <paramref name="claimLost"/> if the claim is no longer this worker's.
    /// </summary>
    private async Task KeepClaimAsync(Guid connectionId, CancellationTokenSource claimLost, CancellationToken attemptDone)
    {
        using var timer = new PeriodicTimer(Options.ClaimLease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(attemptDone))
            {
                int rows;
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(attemptDone);
                    var leaseEnd = clock.GetUtcNow() + Options.ClaimLease;
                    rows = await db.Connections
                        .Where(c => c.Id == connectionId && c.ClaimedBy == workerId)
                        .ExecuteUpdateAsync(set => Connection.RenewClaim(set, leaseEnd), attemptDone);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the claim on connection {ConnectionId}; trying again", connectionId);
                    continue;
                }
                if (rows == 0)
                {
                    await claimLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (attemptDone.IsCancellationRequested)
        {
        }
    }

    /// <returns>The facts learned from AWS, to re-apply if the row changed concurrently.</returns>
    private async Task<Action<Connection>> CreateAsync(Connection connection, CancellationToken cancellationToken)
    {
        connection.StartAttempt(clock.GetUtcNow());
        var result = await provisioner.CreateEndpointAsync(
            new CreateEndpointRequest(connection.Id, connection.WorkspaceId, connection.ServiceName, connection.ClientToken),
            cancellationToken);
        if (!result.Succeeded)
        {
            HandleFailure(connection, result.Failure!);
            return _ => { };
        }

        var endpoint = result.Value!;
        connection.CompleteCreate(endpoint, clock.GetUtcNow(), reconcilerOptions.Value.AcceptanceTimeout, reconcilerOptions.Value.FastPollInterval);
        return c => c.RecordEndpoint(endpoint);
    }

    private async Task<Action<Connection>> DeleteAsync(Connection connection, CancellationToken cancellationToken)
    {
        connection.StartAttempt(clock.GetUtcNow());
        if (connection.EndpointId is null)
        {
            // A create may have reached AWS before a crash: look for the endpoint by its connection tag.
            var found = await provisioner.FindEndpointAsync(connection.Region, connection.Id, cancellationToken);
            if (!found.Succeeded)
            {
                HandleFailure(connection, found.Failure!);
                return _ => { };
            }
            if (found.Value is null)
            {
                connection.MarkDeleted("Deleted. No endpoint had been created for it.", clock.GetUtcNow());
                return _ => { };
            }
            connection.RecordEndpoint(found.Value);
        }

        var endpointId = connection.EndpointId!;
        var result = await provisioner.DeleteEndpointAsync(connection.Region, endpointId, cancellationToken);
        if (result.Succeeded)
        {
            connection.CompleteDelete(endpointId, result.Value, clock.GetUtcNow(), reconcilerOptions.Value.FastPollInterval);
        }
        else
        {
            HandleFailure(connection, result.Failure!);
        }
        return c => c.RecordEndpointId(endpointId);
    }

    private void HandleFailure(Connection connection, ProvisioningFailure failure)
    {
        var action = connection.PendingOperation == ConnectionOperation.Delete ? "delete" : "create";
        if (failure.IsTransient && connection.Attempts < Options.MaxAttempts)
        {
            connection.ScheduleRetry(failure, RetryBackoff.Delay(connection.Attempts, Options.BaseBackoff, Options.MaxBackoff, jitter), clock.GetUtcNow());
            logger.LogWarning("Transient failure on {Action} of connection {ConnectionId}, attempt {Attempt}: {Detail}", action, connection.Id, connection.Attempts, failure.Detail ?? failure.Reason);
            return;
        }
        logger.LogWarning("Connection {ConnectionId} failed to {Action}: {Kind} {Detail}", connection.Id, action, failure.Kind, failure.Detail ?? failure.Reason);
        connection.Fail(failure, clock.GetUtcNow());
    }

    /// <summary>
    /// Saves the worker's result. If the row changed meanwhile (a customer asked to delete while we were creating),
    /// keeps their decision, re-applies only what AWS told us, and frees the claim so the new request runs next.
    /// </summary>
    private async Task<IReadOnlyList<ConnectionChange>> SaveResolvingConflictsAsync(PortalDbContext db, Connection connection, ConnectionOperation handled, Action<Connection> applyFacts)
    {
        var changes = journal.Record(db);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    return changes;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 5)
                {
                    // Only the name or description changed meanwhile: save the whole result over them.
                    if (!await RebaseOverDetailsChangeAsync(db, connection))
                    {
                        throw;
                    }
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Connections.FirstAsync(c => c.Id == connection.Id);
            if (current.ClaimedBy != workerId)
            {
                // Another worker took the request over: its attempt owns the row now.
                logger.LogWarning("The claim on connection {ConnectionId} was lost during the attempt; its result is abandoned", connection.Id);
                return [];
            }
            applyFacts(current);
            current.ReleaseClaim();
            current.RetryNow(handled, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            signal.Notify();
            return [new ConnectionChange(current.Id, current.WorkspaceId, current.Status)];
        }
    }

    /// <summary>
    /// If the row changed underneath only in the customer's details (a rename while the attempt ran), takes the stored
    /// details and version so the next save keeps both the rename and the attempt's result. False for any other change.
    /// </summary>
    private static async Task<bool> RebaseOverDetailsChangeAsync(PortalDbContext db, Connection connection)
    {
        var entry = db.Entry(connection);
        var stored = await entry.GetDatabaseValuesAsync(CancellationToken.None);
        if (stored is null)
        {
            return false;
        }
        var changedUnderneath = entry.Metadata.GetProperties()
            .Where(p => !p.GetValueComparer().Equals(stored[p], entry.OriginalValues[p]))
            .Select(p => p.Name);
        if (!changedUnderneath.All(Connection.ChangedByDetailsEdit.Contains))
        {
            return false;
        }
        foreach (var name in Connection.ChangedByDetailsEdit)
        {
            var property = entry.Property(name);
            // The worker never edits the details; where it set a column too (its claim, the update time), its value stands.
            var keepWorkersValue = property.IsModified && name != nameof(Connection.Version);
            property.OriginalValue = stored[name];
            if (!keepWorkersValue)
            {
                property.CurrentValue = stored[name];
            }
        }
        return true;
    }

    private async Task ReleaseClaimAsync(Guid connectionId, DateTimeOffset? retryAt = null)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Connections
                .Where(c => c.Id == connectionId && c.ClaimedBy == workerId)
                .ExecuteUpdateAsync(set => Connection.Unclaim(set, retryAt));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not release the claim on connection {ConnectionId}; it lapses with the lease", connectionId);
        }
    }
}
