using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Hosting.Limits;
using Portal.Web.Hosting.Logging;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Everything a customer does with connections. Each method takes the caller's <see cref="WorkspaceAccess"/> and every
/// query goes through <see cref="ConnectionQueries.InWorkspace"/>: a connection of another workspace is "not found".
/// </summary>
public sealed class ConnectionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEndpointProvisioner provisioner,
    RegionDirectory regions,
    ConnectionJournal journal,
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

    public async Task<IReadOnlyList<Connection>> ListAsync(WorkspaceAccess access, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking()
            .InWorkspace(access)
            .Live()
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the workspace's live connections, newest first, for clients that page (the API). Keyset paging on
    /// (CreatedAt, Id): a connection created or deleted meanwhile never shifts the pages that follow.
    /// </summary>
    public async Task<IReadOnlyList<Connection>> ListPageAsync(WorkspaceAccess access, ConnectionPageCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connections = db.Connections.AsNoTracking().InWorkspace(access).Live();
        if (after is { } cursor)
        {
            connections = connections.Where(c => c.CreatedAt < cursor.CreatedAt || (c.CreatedAt == cursor.CreatedAt && c.Id.CompareTo(cursor.Id) < 0));
        }
        return await connections
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The connection with its timeline, or null when it does not exist in this workspace.</summary>
    public async Task<Connection?> FindAsync(WorkspaceAccess access, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking()
            .InWorkspace(access)
            .Include(c => c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
    }

    public async Task<VerifyOutcome> VerifyAsync(WorkspaceAccess access, string region, string serviceName, CancellationToken cancellationToken = default)
    {
        if (rateLimiter.TryAcquire(access.User.Id, access.WorkspaceId, LimitedAction.Verify) is { IsAllowed: false } limited)
        {
            return VerifyOutcome.Refused(limited);
        }
        var check = await CheckInputAsync(access, region, serviceName, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!check.IsValid)
        {
            audit.Add(db, access.User, AuditActions.ServiceVerified, AuditOutcome.Refused, access.WorkspaceId, details: $"{region} {Truncate(serviceName)}: {check.Error.Code}");
            await db.SaveChangesAsync(cancellationToken);
            return new VerifyOutcome(null, check.Note, check.Error, null, null);
        }

        var name = check.Name;
        var result = await provisioner.VerifyServiceAsync(name, cancellationToken);
        audit.Add(db, access.User, AuditActions.ServiceVerified, result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Failed, access.WorkspaceId,
            details: result.Succeeded ? $"{name}: {result.Value!.SharedZones.Count} shared zones" : $"{name}: {result.Failure!.Kind} {result.Failure.Detail ?? result.Failure.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            verifications.Set(VerificationKey(access, name), result.Value!, VerificationMemory);
        }
        return new VerifyOutcome(name.Value, check.Note, null, result.Value, result.Failure);
    }

    /// <summary>Stores the request and returns at once; the provisioning worker creates the endpoint.</summary>
    public async Task<CreateOutcome> CreateAsync(WorkspaceAccess access, CreateConnectionRequest request, CancellationToken cancellationToken = default)
    {
        var clientToken = request.RequestId.ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The same wizard submitting twice (double click, retry after a dropped connection) gets the same connection.
        var replay = await FindByClientTokenAsync(db, access, clientToken, cancellationToken);
        if (replay is not null)
        {
            return new CreateOutcome(replay, null);
        }
        if (rateLimiter.TryAcquire(access.User.Id, access.WorkspaceId, LimitedAction.Create) is { IsAllowed: false } limited)
        {
            return new CreateOutcome(null, null, limited.Refusal, RetryAfter: limited.RetryAfter);
        }

        var check = await CheckInputAsync(access, request.Region, request.ServiceName, cancellationToken);
        if (check.Error?.Code == ServiceNameErrorCode.AlreadyConnected
            && await FindByClientTokenAsync(db, access, clientToken, cancellationToken) is { } sameRequest)
        {
            // A concurrent submit of this very request stored it between our replay check and the lookup.
            return new CreateOutcome(sameRequest, null);
        }
        if (!check.IsValid)
        {
            audit.Add(db, access.User, AuditActions.ConnectionCreated, AuditOutcome.Refused, access.WorkspaceId, details: $"{request.Region} {Truncate(request.ServiceName)}: {check.Error.Code}");
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(null, check.Error);
        }
        var name = check.Name;
        if (await DetailsValidator(db, access, renaming: null).CheckAsync(new ConnectionDetails(request.Name, request.Description), cancellationToken) is { } detailsErrors)
        {
            if (await FindByClientTokenAsync(db, access, clientToken, cancellationToken) is { } stored)
            {
                // A concurrent submit of this very request stored it (and took the name) since our replay check.
                return new CreateOutcome(stored, null);
            }
            audit.Add(db, access.User, AuditActions.ConnectionCreated, AuditOutcome.Refused, access.WorkspaceId,
                details: $"{name} as \"{Truncate(request.Name)}\": {detailsErrors.Name ?? detailsErrors.Description}");
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(null, null, DetailsErrors: detailsErrors);
        }
        // Counted before the insert, not atomically with it: two racing requests may pass the cap by one, which the
        // per-user rate limit keeps small; the cap bounds a workspace's share of the region's endpoints, not an exact count.
        var cap = limits.Value.ConnectionsPerWorkspaceRegion;
        if (await db.Connections.InWorkspace(access).Live().CountAsync(c => c.Region == name.Region, cancellationToken) >= cap)
        {
            audit.Add(db, access.User, AuditActions.ConnectionCreated, AuditOutcome.Refused, access.WorkspaceId, details: $"{name.Region}: cap of {cap} connections reached");
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(null, null, LimitMessages.WorkspaceRegionFull(access.WorkspaceId, name.Region, cap));
        }

        var now = clock.GetUtcNow();
        var connection = Connection.Request(Guid.CreateVersion7(now), access.WorkspaceId, name, request.Name, request.Description, clientToken,
            verifications.Get<VerifiedService>(VerificationKey(access, name)), access.User.Id, access.User.Name, now);
        db.Connections.Add(connection);
        audit.Add(db, access.User, AuditActions.ConnectionCreated, AuditOutcome.Succeeded, access.WorkspaceId, connection.Id, $"{name.Region} {name} as \"{connection.Name}\"");
        var changes = journal.Record(db, access.User);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Lost a race with an identical request: the unique indexes decide, and we answer like the winner.
            using (logger.BeginWorkspaceScope(access.WorkspaceId))
            {
                logger.LogInformation(ex, "A concurrent request created the connection first");
            }
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindByClientTokenAsync(fresh, access, clientToken, cancellationToken) is { } winner)
            {
                return new CreateOutcome(winner, null);
            }
            if (await ExistingConnectionLookup.FindLiveAsync(fresh.Connections, access, name, cancellationToken) is { } existing)
            {
                return new CreateOutcome(null, ExistingConnectionLookup.AlreadyConnected(existing));
            }
            if (await IsNameTakenAsync(fresh, access, connection.NameKey, renaming: null, cancellationToken))
            {
                return new CreateOutcome(null, null, DetailsErrors: new ConnectionDetailsErrors(ConnectionNames.Taken(connection.Name), null, DetailsRefusal.NameTaken));
            }
            throw;
        }

        notifier.Publish(changes);
        workerSignal.Notify();
        return new CreateOutcome(connection.Id, null);
    }

    /// <summary>
    /// Renames the connection or changes its description: checked like a create, noted on the timeline, audited and pushed
    /// to open pages. A deleted connection keeps the name it had.
    /// </summary>
    public async Task<DetailsUpdateOutcome> UpdateDetailsAsync(WorkspaceAccess access, Guid connectionId, ConnectionDetails details, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connection = await db.Connections.InWorkspace(access).FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
            if (connection is null)
            {
                return DetailsUpdateOutcome.NotFound;
            }
            if (connection.Status == ConnectionStatus.Deleted)
            {
                return DetailsUpdateOutcome.Refused(new ConnectionDetailsErrors(DeletedKeepsItsName, null, DetailsRefusal.Deleted));
            }
            if (await DetailsValidator(db, access, connection.Id).CheckAsync(details, cancellationToken) is { } errors)
            {
                audit.Add(db, access.User, AuditActions.ConnectionDetailsChanged, AuditOutcome.Refused, access.WorkspaceId, connection.Id,
                    $"\"{Truncate(details.Name)}\": {errors.Name ?? errors.Description}");
                await db.SaveChangesAsync(cancellationToken);
                return DetailsUpdateOutcome.Refused(errors);
            }
            var notes = connection.Describe(details.Name!, details.Description, access.User.Name, clock.GetUtcNow());
            if (notes.Count == 0)
            {
                return new DetailsUpdateOutcome(true, null, []);
            }
            audit.Add(db, access.User, AuditActions.ConnectionDetailsChanged, AuditOutcome.Succeeded, access.WorkspaceId, connection.Id, string.Join(" ", notes));
            var changes = journal.Record(db, access.User);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                continue; // the worker saved the row meanwhile: apply the rename to what it saved
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // Another rename or create may have taken the name between our check and our save: the unique index refused ours.
                if (!await IsNameTakenInFreshContextAsync(access, connection.NameKey, connection.Id, cancellationToken))
                {
                    throw;
                }
                return DetailsUpdateOutcome.Refused(new ConnectionDetailsErrors(ConnectionNames.Taken(connection.Name), null, DetailsRefusal.NameTaken));
            }
            notifier.Publish(changes);
            return new DetailsUpdateOutcome(true, null, notes);
        }
    }

    /// <summary>
    /// The live check of a name while the customer types (in the wizard, or renaming <paramref name="renaming"/>):
    /// the message to show, or null when the name can be used.
    /// </summary>
    public async Task<string?> CheckConnectionNameAsync(WorkspaceAccess access, string? name, Guid? renaming = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await DetailsValidator(db, access, renaming).CheckAsync(new ConnectionDetails(name, null), cancellationToken))?.Name;
    }

    /// <summary>Asks for the endpoint to be deleted; the worker does it. Deleting twice is harmless.</summary>
    public Task<DeleteOutcome> DeleteAsync(WorkspaceAccess access, Guid connectionId, CancellationToken cancellationToken = default) =>
        RequestDeleteAsync(access.User, connections => connections.InWorkspace(access).Where(c => c.Id == connectionId), cancellationToken);

    /// <summary>Shared with support's delete: marks the connection for deletion, retrying if the worker touched it meanwhile.</summary>
    internal async Task<DeleteOutcome> RequestDeleteAsync(PortalUser caller, Func<IQueryable<Connection>, IQueryable<Connection>> which, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connection = await which(db.Connections).FirstOrDefaultAsync(cancellationToken);
            if (connection is null)
            {
                return DeleteOutcome.NotFound;
            }
            var outcome = connection.QueueDelete(caller.Name, clock.GetUtcNow());
            if (outcome != DeleteOutcome.Requested)
            {
                return outcome;
            }
            audit.Add(db, caller, AuditActions.ConnectionDeleted, AuditOutcome.Succeeded, connection.WorkspaceId, connection.Id, connection.EndpointId);
            var changes = journal.Record(db, caller);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                continue;
            }
            notifier.Publish(changes);
            workerSignal.Notify();
            return DeleteOutcome.Requested;
        }
    }

    /// <summary>
    /// The wizard's live check while the customer types: the shared service-name rules plus the server-only one
    /// (the service is not connected in this workspace yet).
    /// </summary>
    public Task<ServiceNameParseResult> CheckServiceNameAsync(WorkspaceAccess access, string region, string serviceName, CancellationToken cancellationToken = default) =>
        CheckInputAsync(access, region, serviceName, cancellationToken);

    /// <summary>Validates the input once; the parsed name the validator produced is what flows on to AWS.</summary>
    private async Task<ServiceNameParseResult> CheckInputAsync(WorkspaceAccess access, string region, string serviceName, CancellationToken cancellationToken)
    {
        var offered = (await regions.GetEnabledAsync(cancellationToken)).Select(r => r.Code).ToList();
        var context = new ValidationContext<CreateConnectionRequest>(new CreateConnectionRequest(region, serviceName, Guid.Empty, ""));
        var validation = await new CreateConnectionRequestValidator(offered).ValidateAsync(context, cancellationToken);
        if (validation.Errors.FirstOrDefault() is { } failure)
        {
            // Name failures carry their ServiceNameError; a region failure is the only other kind.
            return ServiceNameParseResult.Invalid(
                failure.CustomState as ServiceNameError ?? new ServiceNameError(ServiceNameErrorCode.UnknownRegion, failure.ErrorMessage), ServiceNameChanges.None);
        }
        var check = (ServiceNameParseResult)context.RootContextData[ServiceNameRules.ParsedServiceNameKey];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ExistingConnectionLookup.FindLiveAsync(db.Connections, access, check.Name!, cancellationToken) is { } existing)
        {
            return ServiceNameParseResult.Invalid(ExistingConnectionLookup.AlreadyConnected(existing), check.Changes);
        }
        return check;
    }

    /// <summary>The connection a create with this request id stored, if any (deleted ones included: a repeat names the same connection).</summary>
    public async Task<Connection?> FindByRequestIdAsync(WorkspaceAccess access, Guid requestId, CancellationToken cancellationToken = default)
    {
        var clientToken = requestId.ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections.AsNoTracking().InWorkspace(access).FirstOrDefaultAsync(c => c.ClientToken == clientToken, cancellationToken);
    }

    private const string DeletedKeepsItsName = "A deleted connection keeps the name it had.";

    private static ConnectionDetailsValidator DetailsValidator(PortalDbContext db, WorkspaceAccess access, Guid? renaming) =>
        new((key, cancellationToken) => IsNameTakenAsync(db, access, key, renaming, cancellationToken));

    private static Task<bool> IsNameTakenAsync(PortalDbContext db, WorkspaceAccess access, string nameKey, Guid? renaming, CancellationToken cancellationToken)
    {
        var others = db.Connections.AsNoTracking().InWorkspace(access).Live().Where(c => c.NameKey == nameKey);
        if (renaming is { } id)
        {
            others = others.Where(c => c.Id != id);
        }
        return others.AnyAsync(cancellationToken);
    }

    private async Task<bool> IsNameTakenInFreshContextAsync(WorkspaceAccess access, string nameKey, Guid renaming, CancellationToken cancellationToken)
    {
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await IsNameTakenAsync(fresh, access, nameKey, renaming, cancellationToken);
    }

    private static async Task<Guid?> FindByClientTokenAsync(PortalDbContext db, WorkspaceAccess access, string clientToken, CancellationToken cancellationToken) =>
        await db.Connections.InWorkspace(access).Where(c => c.ClientToken == clientToken).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private static string VerificationKey(WorkspaceAccess access, EndpointServiceName name) => $"verified:{access.WorkspaceId}:{name}";

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 80 ? value : value[..80] + "…";
}
