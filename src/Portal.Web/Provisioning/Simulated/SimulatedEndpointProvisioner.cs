using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;
using static Portal.Web.Provisioning.Simulated.SimulatedLifecycle;

namespace Portal.Web.Provisioning.Simulated;

/// <summary>
/// Behaves like EC2 for PrivateLink without an AWS account: same states, same failures for the names in
/// <see cref="SimulatedServices"/>, endpoints stored in the portal database so they survive a restart.
/// </summary>
public sealed class SimulatedEndpointProvisioner(
    IDbContextFactory<PortalDbContext> dbFactory,
    RegionDirectory regions,
    TimeProvider clock,
    IOptions<SimulatedProvisionerOptions> options) : IEndpointProvisioner
{
    private readonly SimulatedProvisionerOptions settings = options.Value;
    private readonly SemaphoreSlim createGate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> throttledAttempts = new();

    public async Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken)
    {
        await PauseAsync(settings.VerifyLatency, cancellationToken);
        return await LookUpAsync(serviceName, cancellationToken);
    }

    public async Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken)
    {
        await PauseAsync(settings.CreateLatency, cancellationToken);
        var name = request.ServiceName;
        if (SimulatedServices.BehaviourOf(name) == SimulatedServiceBehaviour.Throttled
            && throttledAttempts.AddOrUpdate(request.ClientToken, 1, (_, n) => n + 1) <= settings.ThrottleAttempts)
        {
            return new ProvisioningFailure(ProvisioningFailureKind.Transient, "AWS is limiting how fast we can call it; try again in a moment.",
                "RequestLimitExceeded: Request limit exceeded.");
        }

        // One at a time, so two concurrent retries with the same token cannot both create.
        await createGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connectionTag = request.ConnectionId.ToString();
            var byToken = await db.SimulatedEndpoints.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Region == request.Region && e.ClientToken == request.ClientToken, cancellationToken);
            if (byToken is not null && byToken.ServiceName != name.Value)
            {
                return new ProvisioningFailure(ProvisioningFailureKind.Permanent, "The retry asked for a different service than the first attempt, so AWS refused it.",
                    "IdempotentParameterMismatch: The client token you have provided is associated with a resource that is already deleted or has different parameters.");
            }
            // Some EC2-compatible endpoints ignore ClientToken, so the worker relies on the connection tag too.
            var existing = byToken ?? await db.SimulatedEndpoints.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Region == request.Region && e.ConnectionTag == connectionTag && e.State != Deleting && e.State != Deleted, cancellationToken);
            if (existing is not null)
            {
                return ProvisioningResult<EndpointObservation>.Success(Observe(existing, Current(existing, clock.GetUtcNow(), settings).State));
            }

            var lookup = await LookUpAsync(name, cancellationToken);
            if (lookup.Failure is { } failure)
            {
                return failure;
            }
            if (SimulatedServices.BehaviourOf(name) == SimulatedServiceBehaviour.PermanentFailure)
            {
                return new ProvisioningFailure(ProvisioningFailureKind.Permanent,
                    "AWS refused to create the endpoint: our limit of VPC endpoints in this region is reached. Support must raise the quota; then create the connection again.",
                    "VpcEndpointLimitExceeded: The maximum number of VPC endpoints has been reached.");
            }

            var endpoint = NewEndpoint(request, lookup.Value!, connectionTag);
            db.SimulatedEndpoints.Add(endpoint);
            await db.SaveChangesAsync(cancellationToken);
            return ProvisioningResult<EndpointObservation>.Success(Observe(endpoint, endpoint.State));
        }
        finally
        {
            createGate.Release();
        }
    }

    public async Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connectionTag = connectionId.ToString();
        var endpoint = await db.SimulatedEndpoints.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Region == region && e.ConnectionTag == connectionTag && e.State != Deleting && e.State != Deleted, cancellationToken);
        return ProvisioningResult<EndpointObservation?>.Success(endpoint is null ? null : Observe(endpoint, Current(endpoint, clock.GetUtcNow(), settings).State));
    }

    public async Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken)
    {
        var ids = endpointIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SimulatedEndpoints.AsNoTracking()
            .Where(e => e.Region == region && ids.Contains(e.EndpointId))
            .ToDictionaryAsync(e => e.EndpointId, cancellationToken);

        var now = clock.GetUtcNow();
        var observations = new List<EndpointObservation>(ids.Count);
        foreach (var id in ids)
        {
            if (!stored.TryGetValue(id, out var endpoint))
            {
                observations.Add(Gone(id));
                continue;
            }
            var (state, since) = Current(endpoint, now, settings);
            if (state != endpoint.State)
            {
                // Only to keep the table readable; losing this race to a concurrent change is harmless.
                await TryMoveAsync(db, endpoint, state, since, cancellationToken);
            }
            observations.Add(Observe(endpoint, state));
        }
        return ProvisioningResult<IReadOnlyList<EndpointObservation>>.Success(observations);
    }

    public async Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A concurrent change (owner panel, reconciler) makes the conditional move miss; read again and retry.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var endpoint = await db.SimulatedEndpoints.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Region == region && e.EndpointId == endpointId, cancellationToken);
            if (endpoint is null)
            {
                return ProvisioningResult<EndpointState>.Success(EndpointState.Deleted);
            }
            var (state, _) = Current(endpoint, clock.GetUtcNow(), settings);
            if (state is Deleting or Deleted)
            {
                return ProvisioningResult<EndpointState>.Success(EndpointStates.Parse(state));
            }
            if (await TryMoveAsync(db, endpoint, Deleting, clock.GetUtcNow(), cancellationToken))
            {
                return ProvisioningResult<EndpointState>.Success(EndpointState.Deleting);
            }
        }
        return new ProvisioningFailure(ProvisioningFailureKind.Transient, "The endpoint changed while we were deleting it; try again in a moment.");
    }

    private async Task<ProvisioningResult<VerifiedService>> LookUpAsync(EndpointServiceName name, CancellationToken cancellationToken)
    {
        var region = name.Region;
        var behaviour = SimulatedServices.BehaviourOf(name);
        if (behaviour == SimulatedServiceBehaviour.Unavailable)
        {
            return new ProvisioningFailure(ProvisioningFailureKind.Transient, "AWS is not answering right now; try again in a moment.",
                "Unavailable: The service is unavailable. Please try again shortly.");
        }
        if (behaviour == SimulatedServiceBehaviour.NotFoundOrNotAllowlisted)
        {
            var shown = name.Value;
            return new ProvisioningFailure(ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted,
                $"We could not find {shown} in {region}. Check that the name is right, that the service is in {region}, and that our principal is allowed on the service.",
                $"InvalidServiceName: The Vpc Endpoint Service '{shown}' does not exist");
        }

        var setting = await regions.FindAsync(region, cancellationToken);
        if (setting is not { SubnetIds.Count: > 0 })
        {
            return new ProvisioningFailure(ProvisioningFailureKind.Permanent,
                $"PrivateLink is not set up in {region} yet: its region settings list no subnets. Support must add them first.");
        }

        var ours = setting.SubnetIds
            .Select((subnet, i) => new SharedZone(SimulatedZones.ZoneId(region, i), SimulatedZones.ZoneName(region, i), subnet))
            .ToList();
        var n = ours.Count;
        if (behaviour == SimulatedServiceBehaviour.NoSharedZone)
        {
            List<string> theirs = [SimulatedZones.ZoneId(region, n), SimulatedZones.ZoneId(region, n + 1)];
            List<string> ourIds = [.. ours.Select(z => z.ZoneId)];
            return new ProvisioningFailure(ProvisioningFailureKind.NoSharedAvailabilityZone,
                $"Your endpoint service is in zones {string.Join(", ", theirs)} and we are in {string.Join(", ", ourIds)} (zone IDs), so there is no zone in common. Enable your Network Load Balancer in at least one of {string.Join(", ", ourIds)}.",
                ServiceZones: theirs, OurZones: ourIds);
        }

        var acceptanceRequired = behaviour switch
        {
            SimulatedServiceBehaviour.NoAcceptance => false,
            SimulatedServiceBehaviour.OwnerRejects => true,
            _ => settings.AcceptanceRequiredByDefault,
        };
        return ProvisioningResult<VerifiedService>.Success(new VerifiedService(
            name.Value,
            name.ServiceId,
            acceptanceRequired,
            behaviour == SimulatedServiceBehaviour.PrivateDnsName ? SimulatedServices.PrivateDnsName : null,
            // The service is in one zone we are not in, as real services often are.
            [.. ours.Select(z => z.ZoneId), SimulatedZones.ZoneId(region, n)],
            ours));
    }

    private SimulatedEndpoint NewEndpoint(CreateEndpointRequest request, VerifiedService service, string connectionTag)
    {
        var id = NewId("vpce-", 17);
        var host = $"{id}-{NewId("", 8)}";
        var domain = $"{service.ServiceId}.{request.Region}.vpce.amazonaws.com";
        var now = clock.GetUtcNow();
        return new SimulatedEndpoint
        {
            EndpointId = id,
            Region = request.Region,
            ServiceName = service.ServiceName,
            State = service.AcceptanceRequired ? PendingAcceptance : Pending,
            ClientToken = request.ClientToken,
            ConnectionTag = connectionTag,
            WorkspaceTag = request.WorkspaceId,
            SubnetIds = [.. service.SharedZones.Select(z => z.SubnetId)],
            DnsNames =
            [
                $"{host}.{domain}",
                .. service.SharedZones.Select(z => $"{host}-{z.ZoneName}.{domain}"),
                .. service.PrivateDnsName is null ? [] : new[] { service.PrivateDnsName },
            ],
            CreatedAt = now,
            StateChangedAt = now,
        };
    }

    private Task PauseAsync(TimeSpan latency, CancellationToken cancellationToken) =>
        latency > TimeSpan.Zero ? Task.Delay(latency, clock, cancellationToken) : Task.CompletedTask;
}
