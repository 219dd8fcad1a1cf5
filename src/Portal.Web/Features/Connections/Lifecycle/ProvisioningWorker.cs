using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Operations.Logging;
using Portal.Web.Features.Operations.Telemetry;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>
/// Carries out stored create and delete requests (intent first, AWS second). Work is claimed with an atomic
/// compare-and-set on the row, so two portal processes on one database never act on the same request; a crashed
/// worker's claim lapses after <see cref="ProvisioningWorkerOptions.ClaimLease"/> and the request is resumed.
/// </summary>
public sealed class ProvisioningWorker(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEndpointProvisioner provisioner,
    ConnectionTransitions transitions,
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
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.ClaimedBy, workerId)
                    .SetProperty(c => c.ClaimExpiresAt, leaseEnd)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
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
        var changes = new List<ConnectionChange>();
        try
        {
            var operation = connection.PendingOperation;
            Action<Connection> applyFacts = operation switch
            {
                ConnectionOperation.Create => await CreateAsync(db, connection, changes, cancellationToken),
                ConnectionOperation.Delete => await DeleteAsync(db, connection, changes, cancellationToken),
                _ => _ => { },
            };
            Release(connection);
            await SaveResolvingConflictsAsync(db, connection, operation, applyFacts, changes);
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

    /// <returns>The facts learned from AWS, to re-apply if the row changed concurrently.</returns>
    private async Task<Action<Connection>> CreateAsync(PortalDbContext db, Connection connection, List<ConnectionChange> changes, CancellationToken cancellationToken)
    {
        if (connection.Status == ConnectionStatus.Requested)
        {
            Add(changes, transitions.MoveTo(db, connection, ConnectionStatus.Creating, "Creating the interface endpoint in AWS."));
        }
        connection.Attempts++;
        var result = await provisioner.CreateEndpointAsync(
            new CreateEndpointRequest(connection.Id, connection.WorkspaceId, connection.Region, connection.ServiceName, connection.ClientToken),
            cancellationToken);

        if (result.Succeeded)
        {
            var endpoint = result.Value!;
            Action<Connection> facts = c => ApplyEndpoint(c, endpoint);
            facts(connection);
            connection.PendingOperation = ConnectionOperation.None;
            connection.Attempts = 0;
            connection.NextAttemptAt = null;
            connection.RetryReason = null;
            connection.LastAwsError = null;
            connection.FailureReason = null;
            var status = ConnectionTransitions.StatusFor(endpoint.State);
            if (status == ConnectionStatus.PendingAcceptance)
            {
                connection.AcceptanceDeadline = clock.GetUtcNow() + reconcilerOptions.Value.AcceptanceTimeout;
            }
            Add(changes, transitions.MoveTo(db, connection, status, $"Endpoint {endpoint.EndpointId} created. {ConnectionTransitions.DescribeArrival(status)}"));
            connection.NextCheckAt = clock.GetUtcNow() + reconcilerOptions.Value.FastPollInterval;
            return facts;
        }

        HandleFailure(db, connection, result.Failure!, "create", changes);
        return _ => { };
    }

    private async Task<Action<Connection>> DeleteAsync(PortalDbContext db, Connection connection, List<ConnectionChange> changes, CancellationToken cancellationToken)
    {
        connection.Attempts++;
        if (connection.EndpointId is null)
        {
            // A create may have reached AWS before a crash: look for the endpoint by its connection tag.
            var found = await provisioner.FindEndpointAsync(connection.Region, connection.Id, cancellationToken);
            if (!found.Succeeded)
            {
                HandleFailure(db, connection, found.Failure!, "delete", changes);
                return _ => { };
            }
            if (found.Value is null)
            {
                FinishDelete(db, connection, changes, "Deleted. No endpoint had been created for it.");
                return _ => { };
            }
            ApplyEndpoint(connection, found.Value);
        }

        var endpointId = connection.EndpointId!;
        var result = await provisioner.DeleteEndpointAsync(connection.Region, endpointId, cancellationToken);
        if (!result.Succeeded)
        {
            HandleFailure(db, connection, result.Failure!, "delete", changes);
            return c => c.EndpointId ??= endpointId;
        }

        connection.PendingOperation = ConnectionOperation.None;
        connection.Attempts = 0;
        connection.NextAttemptAt = null;
        connection.RetryReason = null;
        connection.AwsState = result.Value == EndpointState.Deleted ? "deleted" : "deleting";
        if (result.Value == EndpointState.Deleted)
        {
            FinishDelete(db, connection, changes, $"Endpoint {endpointId} deleted.");
        }
        else
        {
            if (connection.Status != ConnectionStatus.Expired)
            {
                Add(changes, transitions.MoveTo(db, connection, ConnectionStatus.Deleting, $"AWS is deleting endpoint {endpointId}."));
            }
            else
            {
                transitions.Note(db, connection, $"AWS is deleting endpoint {endpointId}.");
                changes.Add(new ConnectionChange(connection.Id, connection.WorkspaceId, connection.Status));
            }
            connection.NextCheckAt = clock.GetUtcNow() + reconcilerOptions.Value.FastPollInterval;
        }
        return c => c.EndpointId ??= endpointId;
    }

    private void FinishDelete(PortalDbContext db, Connection connection, List<ConnectionChange> changes, string message)
    {
        connection.PendingOperation = ConnectionOperation.None;
        connection.NextAttemptAt = null;
        connection.RetryReason = null;
        connection.NextCheckAt = null;
        connection.DeletedAt = clock.GetUtcNow();
        // An expired connection keeps saying why it ended.
        if (connection.Status != ConnectionStatus.Expired)
        {
            Add(changes, transitions.MoveTo(db, connection, ConnectionStatus.Deleted, message));
        }
        else
        {
            transitions.Note(db, connection, message);
        }
    }

    private void HandleFailure(PortalDbContext db, Connection connection, ProvisioningFailure failure, string action, List<ConnectionChange> changes)
    {
        connection.LastAwsError = failure.Detail ?? failure.Reason;
        if (failure.IsTransient && connection.Attempts < Options.MaxAttempts)
        {
            var delay = RetryBackoff.Delay(connection.Attempts, Options.BaseBackoff, Options.MaxBackoff, jitter);
            connection.NextAttemptAt = clock.GetUtcNow() + delay;
            connection.RetryReason = failure.Reason;
            transitions.Note(db, connection, $"Attempt {connection.Attempts} to {action} did not go through ({failure.Reason}). Retrying in {Math.Ceiling(delay.TotalSeconds)} s.");
            changes.Add(new ConnectionChange(connection.Id, connection.WorkspaceId, connection.Status));
            logger.LogWarning("Transient failure on {Action} of connection {ConnectionId}, attempt {Attempt}: {Detail}", action, connection.Id, connection.Attempts, failure.Detail ?? failure.Reason);
            return;
        }

        connection.PendingOperation = ConnectionOperation.None;
        connection.NextAttemptAt = null;
        connection.RetryReason = null;
        connection.FailureReason = failure.IsTransient
            ? $"AWS did not answer after {connection.Attempts} attempts ({failure.Reason}). Try again later; support has been notified."
            : action == "delete" ? $"We could not delete this endpoint: {failure.Reason}" : failure.Reason;
        logger.LogWarning("Connection {ConnectionId} failed to {Action}: {Kind} {Detail}", connection.Id, action, failure.Kind, failure.Detail ?? failure.Reason);
        Add(changes, transitions.MoveTo(db, connection, ConnectionStatus.Failed, connection.FailureReason));
    }

    private static void ApplyEndpoint(Connection connection, EndpointObservation endpoint)
    {
        connection.EndpointId = endpoint.EndpointId;
        connection.AwsState = endpoint.RawState;
        if (endpoint.DnsNames.Count > 0)
        {
            connection.DnsNames = [.. endpoint.DnsNames];
        }
        if (endpoint.SubnetIds.Count > 0)
        {
            connection.SubnetIds = [.. endpoint.SubnetIds];
        }
        connection.SecurityGroupId = endpoint.SecurityGroupId ?? connection.SecurityGroupId;
    }

    private static void Release(Connection connection)
    {
        connection.ClaimedBy = null;
        connection.ClaimExpiresAt = null;
    }

    /// <summary>
    /// Saves the worker's result. If the row changed meanwhile (a customer asked to delete while we were creating),
    /// keeps their decision, re-applies only what AWS told us, and frees the claim so the new request runs next.
    /// </summary>
    private async Task SaveResolvingConflictsAsync(PortalDbContext db, Connection connection, ConnectionOperation handled, Action<Connection> applyFacts, List<ConnectionChange> changes)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            changes.Clear();
            db.ChangeTracker.Clear();
            var current = await db.Connections.FirstAsync(c => c.Id == connection.Id);
            applyFacts(current);
            Release(current);
            if (current.PendingOperation == handled)
            {
                current.NextAttemptAt = clock.GetUtcNow();
            }
            await db.SaveChangesAsync(CancellationToken.None);
            changes.Add(new ConnectionChange(current.Id, current.WorkspaceId, current.Status));
            signal.Notify();
        }
    }

    private async Task ReleaseClaimAsync(Guid connectionId, DateTimeOffset? retryAt = null)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Connections
                .Where(c => c.Id == connectionId && c.ClaimedBy == workerId)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.ClaimedBy, (string?)null)
                    .SetProperty(c => c.ClaimExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(c => c.NextAttemptAt, retryAt)
                    .SetProperty(c => c.Version, c => c.Version + 1));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not release the claim on connection {ConnectionId}; it lapses with the lease", connectionId);
        }
    }

    private static void Add(List<ConnectionChange> changes, ConnectionChange? change)
    {
        if (change is not null)
        {
            changes.Add(change);
        }
    }
}
