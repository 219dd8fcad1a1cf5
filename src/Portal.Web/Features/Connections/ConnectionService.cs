using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.Operations.Limits;
using Portal.Web.Features.Operations.Logging;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Everything a customer does with connections. Each method takes the caller and the workspace explicitly and checks
/// membership itself, whatever the page already checked: a forged workspace id or connection id gets nothing.
/// </summary>
public sealed class ConnectionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEndpointProvisioner provisioner,
    RegionDirectory regions,
    ConnectionTransitions transitions,
    AuditLog audit,
    ConnectionNotifier notifier,
    ProvisioningSignal workerSignal,
    IMemoryCache verifications,
    ActionRateLimiter rateLimiter,
    IOptions<LimitsOptions> limits,
    TimeProvider clock,
    ILogger<ConnectionService> logger)
{
    private static readonly TimeSpan VerificationMemory = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<Connection>> ListAsync(PortalUser caller, string workspaceId, CancellationToken cancellationToken = default)
    {
        EnsureMember(caller, workspaceId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.Status != ConnectionStatus.Deleted)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The connection with its timeline, or null when it does not exist in this workspace (or the caller is not a member).</summary>
    public async Task<Connection?> FindAsync(PortalUser caller, string workspaceId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (!caller.IsMemberOf(workspaceId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking()
            .Include(c => c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(c => c.Id == connectionId && c.WorkspaceId == workspaceId, cancellationToken);
    }

    public async Task<VerifyOutcome> VerifyAsync(PortalUser caller, string workspaceId, string region, string serviceName, CancellationToken cancellationToken = default)
    {
        EnsureMember(caller, workspaceId);
        if (rateLimiter.TryAcquire(caller, workspaceId, LimitedAction.Verify).Refusal is { } refusal)
        {
            return VerifyOutcome.Refused(refusal);
        }
        var check = await CheckInputAsync(workspaceId, region, serviceName, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!check.IsValid)
        {
            audit.Add(db, caller, AuditActions.ServiceVerified, AuditOutcome.Refused, workspaceId, details: $"{region} {Truncate(serviceName)}: {check.Error!.Code}");
            await db.SaveChangesAsync(cancellationToken);
            return new VerifyOutcome(null, check.Note, check.Error, null, null);
        }

        var name = check.Name!.Value;
        var result = await provisioner.VerifyServiceAsync(region, name, cancellationToken);
        audit.Add(db, caller, AuditActions.ServiceVerified, result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Failed, workspaceId,
            details: result.Succeeded ? $"{name}: {result.Value!.SharedZones.Count} shared zones" : $"{name}: {result.Failure!.Kind} {result.Failure.Detail ?? result.Failure.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            verifications.Set(VerificationKey(workspaceId, region, name), result.Value!, VerificationMemory);
        }
        return new VerifyOutcome(name, check.Note, null, result.Value, result.Failure);
    }

    /// <summary>Stores the request and returns at once; the provisioning worker creates the endpoint.</summary>
    public async Task<CreateOutcome> CreateAsync(PortalUser caller, string workspaceId, CreateConnectionInput input, CancellationToken cancellationToken = default)
    {
        EnsureMember(caller, workspaceId);
        var clientToken = input.RequestId.ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The same wizard submitting twice (double click, retry after a dropped connection) gets the same connection.
        var replay = await FindByClientTokenAsync(db, workspaceId, clientToken, cancellationToken);
        if (replay is not null)
        {
            return new CreateOutcome(replay, null);
        }
        if (rateLimiter.TryAcquire(caller, workspaceId, LimitedAction.Create).Refusal is { } refusal)
        {
            return new CreateOutcome(null, null, refusal);
        }

        var check = await CheckInputAsync(workspaceId, input.Region, input.ServiceName, cancellationToken);
        if (!check.IsValid)
        {
            audit.Add(db, caller, AuditActions.ConnectionCreated, AuditOutcome.Refused, workspaceId, details: $"{input.Region} {Truncate(input.ServiceName)}: {check.Error!.Code}");
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(null, check.Error);
        }
        // Counted before the insert, not atomically with it: two racing requests may pass the cap by one, which the
        // per-user rate limit keeps small; the cap bounds a workspace's share of the region's endpoints, not an exact count.
        var cap = limits.Value.ConnectionsPerWorkspaceRegion;
        if (await CountLiveAsync(db, workspaceId, input.Region, cancellationToken) >= cap)
        {
            audit.Add(db, caller, AuditActions.ConnectionCreated, AuditOutcome.Refused, workspaceId, details: $"{input.Region}: cap of {cap} connections reached");
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(null, null, LimitMessages.WorkspaceRegionFull(workspaceId, input.Region, cap));
        }

        var name = check.Name!.Value;
        var now = clock.GetUtcNow();
        var verified = verifications.Get<VerifiedService>(VerificationKey(workspaceId, input.Region, name));
        var connection = new Connection
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Region = input.Region,
            ServiceName = name,
            ClientToken = clientToken,
            Status = ConnectionStatus.Requested,
            PendingOperation = ConnectionOperation.Create,
            AcceptanceRequired = verified?.AcceptanceRequired ?? false,
            PrivateDnsName = verified?.PrivateDnsName,
            AvailabilityZoneIds = verified?.SharedZones.Select(z => z.ZoneId).ToList() ?? [],
            CreatedById = caller.Id,
            CreatedByName = caller.Name,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        db.Connections.Add(connection);
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            At = now,
            ToStatus = ConnectionStatus.Requested,
            Message = $"{caller.Name} requested a connection to {name} in {input.Region}.",
            Actor = caller.Name,
        });
        audit.Add(db, caller, AuditActions.ConnectionCreated, AuditOutcome.Succeeded, workspaceId, connection.Id, $"{input.Region} {name}");

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Lost a race with an identical request: the unique indexes decide, and we answer like the winner.
            using (logger.BeginWorkspaceScope(workspaceId))
            {
                logger.LogInformation(ex, "A concurrent request created the connection first");
            }
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindByClientTokenAsync(fresh, workspaceId, clientToken, cancellationToken) is { } winner)
            {
                return new CreateOutcome(winner, null);
            }
            if (await ExistingConnectionLookup.FindLiveAsync(fresh, workspaceId, name, cancellationToken) is { } existing)
            {
                return new CreateOutcome(null, ExistingConnectionLookup.AlreadyConnected(existing));
            }
            throw;
        }

        notifier.Publish(new ConnectionChange(connection.Id, workspaceId, connection.Status));
        workerSignal.Notify();
        return new CreateOutcome(connection.Id, null);
    }

    /// <summary>Asks for the endpoint to be deleted; the worker does it. Deleting twice is harmless.</summary>
    public async Task<DeleteOutcome> DeleteAsync(PortalUser caller, string workspaceId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (!caller.IsMemberOf(workspaceId))
        {
            return DeleteOutcome.NotFound;
        }
        return await RequestDeleteAsync(caller, c => c.Id == connectionId && c.WorkspaceId == workspaceId, cancellationToken);
    }

    /// <summary>Shared with support's delete: marks the connection for deletion, retrying if the worker touched it meanwhile.</summary>
    internal async Task<DeleteOutcome> RequestDeleteAsync(PortalUser caller, System.Linq.Expressions.Expression<Func<Connection, bool>> which, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connection = await db.Connections.FirstOrDefaultAsync(which, cancellationToken);
            if (connection is null)
            {
                return DeleteOutcome.NotFound;
            }
            if (connection.Status is ConnectionStatus.Deleted or ConnectionStatus.Deleting || connection.PendingOperation == ConnectionOperation.Delete)
            {
                return DeleteOutcome.AlreadyDeleting;
            }

            ConnectionChange? change;
            var neverStarted = connection.Status == ConnectionStatus.Requested && connection.ClaimedBy is null && connection.EndpointId is null;
            var endpointAlreadyGone = connection.DeletedAt is not null;
            if (neverStarted || endpointAlreadyGone)
            {
                connection.PendingOperation = ConnectionOperation.None;
                connection.DeletedAt ??= clock.GetUtcNow();
                change = transitions.MoveTo(db, connection, ConnectionStatus.Deleted, $"{caller.Name} deleted the connection.", caller);
            }
            else
            {
                connection.PendingOperation = ConnectionOperation.Delete;
                connection.Attempts = 0;
                connection.NextAttemptAt = null;
                connection.RetryReason = null;
                change = transitions.MoveTo(db, connection, ConnectionStatus.Deleting, $"{caller.Name} asked to delete the connection.", caller);
            }
            audit.Add(db, caller, AuditActions.ConnectionDeleted, AuditOutcome.Succeeded, connection.WorkspaceId, connection.Id, connection.EndpointId);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                continue;
            }
            if (change is not null)
            {
                notifier.Publish(change);
            }
            workerSignal.Notify();
            return DeleteOutcome.Requested;
        }
    }

    /// <summary>
    /// The wizard's live check while the customer types: the shared service-name rules plus the server-only one
    /// (the service is not connected in this workspace yet).
    /// </summary>
    public Task<ServiceNameParseResult> CheckServiceNameAsync(PortalUser caller, string workspaceId, string region, string serviceName, CancellationToken cancellationToken = default)
    {
        EnsureMember(caller, workspaceId);
        return CheckInputAsync(workspaceId, region, serviceName, cancellationToken);
    }

    private async Task<ServiceNameParseResult> CheckInputAsync(string workspaceId, string region, string serviceName, CancellationToken cancellationToken)
    {
        var offered = (await regions.GetEnabledAsync(cancellationToken)).Select(r => r.Code).ToList();
        var validation = await new CreateConnectionRequestValidator(offered).ValidateAsync(new CreateConnectionRequest(region, serviceName), cancellationToken);
        if (validation.Errors.FirstOrDefault() is { } failure)
        {
            // Name failures carry their ServiceNameError; a region failure is the only other kind.
            return ServiceNameParseResult.Invalid(
                failure.CustomState as ServiceNameError ?? new ServiceNameError(ServiceNameErrorCode.UnknownRegion, failure.ErrorMessage), ServiceNameChanges.None);
        }
        var check = EndpointServiceName.Parse(serviceName, region, offered);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ExistingConnectionLookup.FindLiveAsync(db, workspaceId, check.Name!.Value, cancellationToken) is { } existing)
        {
            return ServiceNameParseResult.Invalid(ExistingConnectionLookup.AlreadyConnected(existing), check.Changes);
        }
        return check;
    }

    private static Task<int> CountLiveAsync(PortalDbContext db, string workspaceId, string region, CancellationToken cancellationToken) =>
        db.Connections.CountAsync(c => c.WorkspaceId == workspaceId && c.Region == region && c.Status != ConnectionStatus.Deleted, cancellationToken);

    private static async Task<Guid?> FindByClientTokenAsync(PortalDbContext db, string workspaceId, string clientToken, CancellationToken cancellationToken) =>
        await db.Connections.Where(c => c.ClientToken == clientToken && c.WorkspaceId == workspaceId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private static void EnsureMember(PortalUser caller, string workspaceId)
    {
        if (!caller.IsMemberOf(workspaceId))
        {
            throw new UnauthorizedAccessException("The caller is not a member of this workspace.");
        }
    }

    private static string VerificationKey(string workspaceId, string region, string name) => $"verified:{workspaceId}:{region}:{name}";

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 80 ? value : value[..80] + "…";
}
