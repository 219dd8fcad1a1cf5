using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.EC2.Model;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// <see cref="IEndpointProvisioner"/> on AWS (or any EC2-compatible endpoint) through AWSSDK.EC2.
/// VPC, subnets and principal are read from the region settings in the database at call time.
/// </summary>
public sealed partial class AwsEndpointProvisioner(
    Ec2ClientFactory clients,
    RegionDirectory regions,
    WorkspaceIsolationGroups isolation,
    ILogger<AwsEndpointProvisioner> logger) : IEndpointProvisioner
{
    /// <summary>Ids per DescribeVpcEndpoints call; AWS returns at most 1,000 items per page.</summary>
    internal const int DescribeBatchSize = 1000;

    private const string ServiceNotFoundCode = "InvalidServiceName";
    private static readonly HashSet<string> EndpointNotFoundCodes = new(StringComparer.Ordinal) { "InvalidVpcEndpointId.NotFound", "InvalidVpcEndpoint.NotFound" };
    private static readonly HashSet<string> GoneOrFailedStates = new(StringComparer.OrdinalIgnoreCase) { "deleted", "deleting", "failed" };

    /// <summary>
    /// The most EC2 calls one create attempt makes, on the first connection of a workspace in a region: DescribeVpcEndpoints
    /// (by connection tag), DescribeVpcEndpointServices, DescribeSubnets, DescribeAvailabilityZones, DescribeSecurityGroups,
    /// CreateSecurityGroup twice, AuthorizeSecurityGroupIngress, CreateVpcEndpoint. Later creates skip the four group calls.
    /// </summary>
    public const int MaxEc2CallsPerCreate = 9;

    private readonly KeyedLock connectionLocks = new();

    public async Task<ProvisioningResult<VerifiedService>> VerifyServiceAsync(EndpointServiceName serviceName, CancellationToken cancellationToken)
    {
        var region = serviceName.Region;
        var settings = await regions.FindAsync(region, cancellationToken);
        if (!IsReady(region, settings, AwsOperation.Verify, out var notReady))
        {
            return notReady;
        }
        return await CallAwsAsync(region, AwsOperation.Verify,
            ec2 => VerifyWithAsync(ec2, settings, serviceName, cancellationToken), cancellationToken);
    }

    public async Task<ProvisioningResult<EndpointObservation>> CreateEndpointAsync(CreateEndpointRequest request, CancellationToken cancellationToken)
    {
        var settings = await regions.FindAsync(request.Region, cancellationToken);
        if (!IsReady(request.Region, settings, AwsOperation.Create, out var notReady))
        {
            return notReady;
        }

        using var _ = await connectionLocks.AcquireAsync(request.ConnectionId.ToString(), cancellationToken);
        return await CallAwsAsync(request.Region, AwsOperation.Create, async ec2 =>
        {
            // Some EC2-compatible endpoints (moto) ignore ClientToken: the connection tag is what prevents a second endpoint.
            if (await FindByConnectionTagAsync(ec2, request.ConnectionId, cancellationToken) is { } existing)
            {
                logger.LogInformation("Connection {ConnectionId} already has endpoint {EndpointId}; not creating another", request.ConnectionId, existing.VpcEndpointId);
                return ProvisioningResult<EndpointObservation>.Success(Observe(existing));
            }

            var verified = await VerifyWithAsync(ec2, settings, request.ServiceName, cancellationToken);
            if (verified.Failure is { } failure)
            {
                return failure;
            }

            var groups = await isolation.EnsureAsync(ec2, request.Region, settings.VpcId, request.WorkspaceId, cancellationToken);
            List<string> securityGroupIds = string.IsNullOrWhiteSpace(settings.SecurityGroupId)
                ? [groups.EndpointsGroupId]
                : [groups.EndpointsGroupId, settings.SecurityGroupId];
            var response = await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
            {
                VpcEndpointType = VpcEndpointType.Interface,
                VpcId = settings.VpcId,
                ServiceName = request.ServiceName.Value,
                SubnetIds = [.. verified.Value!.SharedZones.Select(z => z.SubnetId)],
                SecurityGroupIds = securityGroupIds,
                // Our VPC is shared by every workspace: a customer's private DNS name must not take over resolution
                // there (two workspaces may connect the same service). Connectors use the endpoint's own DNS names.
                PrivateDnsEnabled = false,
                ClientToken = request.ClientToken,
                TagSpecifications =
                [
                    PortalTags.On("vpc-endpoint",
                        (PortalTags.WorkspaceId, request.WorkspaceId),
                        (PortalTags.ConnectionId, request.ConnectionId.ToString()),
                        (PortalTags.Name, $"portal-{request.WorkspaceId}-{request.ConnectionId:N}")),
                ],
            }, cancellationToken);
            logger.LogInformation("Created endpoint {EndpointId} for connection {ConnectionId} in {Region}", response.VpcEndpoint.VpcEndpointId, request.ConnectionId, request.Region);
            return ProvisioningResult<EndpointObservation>.Success(Observe(response.VpcEndpoint));
        }, cancellationToken);
    }

    public Task<ProvisioningResult<EndpointObservation?>> FindEndpointAsync(string region, Guid connectionId, CancellationToken cancellationToken) =>
        CallAwsAsync(region, AwsOperation.Describe, async ec2 =>
            ProvisioningResult<EndpointObservation?>.Success(await FindByConnectionTagAsync(ec2, connectionId, cancellationToken) is { } endpoint ? Observe(endpoint) : null),
            cancellationToken);

    public Task<ProvisioningResult<IReadOnlyList<EndpointObservation>>> DescribeEndpointsAsync(string region, IReadOnlyCollection<string> endpointIds, CancellationToken cancellationToken)
    {
        var wanted = endpointIds.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return Task.FromResult(ProvisioningResult<IReadOnlyList<EndpointObservation>>.Success([]));
        }
        return CallAwsAsync<IReadOnlyList<EndpointObservation>>(region, AwsOperation.Describe, async ec2 =>
        {
            var found = new Dictionary<string, VpcEndpoint>(StringComparer.Ordinal);
            foreach (var batch in wanted.Chunk(DescribeBatchSize))
            {
                await DescribeBatchAsync(ec2, batch, found, cancellationToken);
            }
            return ProvisioningResult<IReadOnlyList<EndpointObservation>>.Success(
                [.. wanted.Select(id => found.TryGetValue(id, out var endpoint) ? Observe(endpoint) : Gone(id))]);
        }, cancellationToken);
    }

    public Task<ProvisioningResult<EndpointState>> DeleteEndpointAsync(string region, string endpointId, CancellationToken cancellationToken) =>
        CallAwsAsync(region, AwsOperation.Delete, async ec2 =>
        {
            try
            {
                var response = await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpointId] }, cancellationToken);
                if (response.Unsuccessful.FirstOrDefault()?.Error is not { } error)
                {
                    return ProvisioningResult<EndpointState>.Success(EndpointState.Deleting);
                }
                return EndpointNotFoundCodes.Contains(error.Code)
                    ? ProvisioningResult<EndpointState>.Success(EndpointState.Deleted)
                    : LoggedFailure(region, AwsOperation.Delete, AwsErrorClassifier.FromErrorCode(error.Code, error.Message, 400, AwsOperation.Delete), null);
            }
            catch (AmazonEC2Exception e) when (EndpointNotFoundCodes.Contains(e.ErrorCode))
            {
                return ProvisioningResult<EndpointState>.Success(EndpointState.Deleted);
            }
        }, cancellationToken);

    private async Task<ProvisioningResult<T>> CallAwsAsync<T>(string region, AwsOperation operation, Func<IAmazonEC2, Task<ProvisioningResult<T>>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(clients.GetClient(region));
        }
        catch (Exception e) when (AwsErrorClassifier.IsAwsOrTransportFailure(e, cancellationToken))
        {
            return LoggedFailure(region, operation, AwsErrorClassifier.Classify(e, operation), e);
        }
    }

    private ProvisioningFailure LoggedFailure(string region, AwsOperation operation, ProvisioningFailure failure, Exception? exception)
    {
        logger.LogWarning(exception, "EC2 {Operation} in {Region} failed ({Kind}): {Detail}", operation, region, failure.Kind, failure.Detail);
        return failure;
    }

    /// <summary>Our VPC and subnets come from the region settings support edits; without them nothing can be placed.</summary>
    private bool IsReady(string region, [NotNullWhen(true)] RegionSetting? settings, AwsOperation operation, [NotNullWhen(false)] out ProvisioningFailure? failure)
    {
        var missing = settings switch
        {
            null => "has no settings",
            { VpcId: null or "" } => "has no VpcId",
            { SubnetIds.Count: 0 } => "has no SubnetIds",
            _ => null,
        };
        failure = missing is null
            ? null
            : LoggedFailure(region, operation, new ProvisioningFailure(ProvisioningFailureKind.Permanent,
                AwsErrorClassifier.PermanentReason(operation), $"RegionNotConfigured: region {region} {missing} in the region settings"), null);
        return failure is null;
    }

    private static async Task<ProvisioningResult<VerifiedService>> VerifyWithAsync(IAmazonEC2 ec2, RegionSetting settings, EndpointServiceName serviceName, CancellationToken cancellationToken)
    {
        ServiceDetail? service;
        try
        {
            var response = await ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceNames = [serviceName.Value] }, cancellationToken);
            service = response.ServiceDetails.FirstOrDefault(s => string.Equals(s.ServiceName, serviceName.Value, StringComparison.OrdinalIgnoreCase));
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == ServiceNotFoundCode)
        {
            service = null;
        }
        if (service is null)
        {
            return ServiceNotFound(serviceName, settings);
        }

        var zones = new ZoneDirectory(ec2);
        var subnets = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = settings.SubnetIds }, cancellationToken)).Subnets;
        var ourSubnets = new List<SharedZone>();
        foreach (var subnetId in settings.SubnetIds)
        {
            if (subnets.FirstOrDefault(s => s.SubnetId == subnetId) is { } subnet)
            {
                var zoneId = string.IsNullOrEmpty(subnet.AvailabilityZoneId)
                    ? await zones.IdOfAsync(subnet.AvailabilityZone, cancellationToken)
                    : subnet.AvailabilityZoneId;
                ourSubnets.Add(new SharedZone(zoneId, subnet.AvailabilityZone, subnet.SubnetId));
            }
        }

        // Zone names differ between accounts; ids do not. The names AWS gives us are already in our account's naming.
        var serviceZoneIds = service.AvailabilityZoneIds is { Count: > 0 } ids
            ? ids.Distinct().ToList()
            : await zones.IdsOfAsync(service.AvailabilityZones, cancellationToken);
        var shared = ourSubnets
            .Where(s => serviceZoneIds.Contains(s.ZoneId))
            .DistinctBy(s => s.ZoneId)
            .ToList();
        if (shared.Count == 0)
        {
            return NoSharedZone(serviceZoneIds, [.. ourSubnets.Select(s => s.ZoneId).Distinct()]);
        }

        return ProvisioningResult<VerifiedService>.Success(new VerifiedService(
            service.ServiceName,
            service.ServiceId,
            service.AcceptanceRequired ?? false,
            string.IsNullOrWhiteSpace(service.PrivateDnsName) ? null : service.PrivateDnsName,
            serviceZoneIds,
            shared));
    }

    private static ProvisioningFailure ServiceNotFound(EndpointServiceName serviceName, RegionSetting settings) => new(
        ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted,
        $"We could not find the endpoint service {serviceName} in {settings.Code}. The likely causes: "
        + "1) the service name has a typo (copy it from the endpoint service's details page); "
        + $"2) the service is in another region than {settings.Code}; "
        + $"3) our principal {settings.PrincipalArn} is not allowed on the service yet (add it to the allowed principals, then verify again).");

    private static ProvisioningFailure NoSharedZone(IReadOnlyList<string> serviceZoneIds, IReadOnlyList<string> ourZoneIds) => new(
        ProvisioningFailureKind.NoSharedAvailabilityZone,
        $"The endpoint service is offered in zones {ZoneList(serviceZoneIds)}, and we can place endpoints in zones {ZoneList(ourZoneIds)} "
        + "(zone IDs, which are the same in every account). No zone is in both lists: add a subnet in one of our zones to the service's "
        + "Network Load Balancer, then verify again.",
        ServiceZones: serviceZoneIds,
        OurZones: ourZoneIds);

    private static string ZoneList(IReadOnlyList<string> zoneIds) => zoneIds.Count == 0 ? "(none)" : string.Join(", ", zoneIds.Order(StringComparer.Ordinal));

    private static async Task<VpcEndpoint?> FindByConnectionTagAsync(IAmazonEC2 ec2, Guid connectionId, CancellationToken cancellationToken)
    {
        var request = new DescribeVpcEndpointsRequest { Filters = [PortalTags.Matching(PortalTags.ConnectionId, connectionId.ToString())] };
        var candidates = new List<VpcEndpoint>();
        do
        {
            var response = await ec2.DescribeVpcEndpointsAsync(request, cancellationToken);
            candidates.AddRange(response.VpcEndpoints.Where(e => !GoneOrFailedStates.Contains(e.State?.Value ?? "")));
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return candidates.OrderBy(e => e.CreationTimestamp).FirstOrDefault();
    }

    /// <summary>
    /// AWS fails the whole call when one id is unknown. The unknown ids named in the error are left out and the rest
    /// asked again; when the message names none of them, each id is asked alone.
    /// </summary>
    private static async Task DescribeBatchAsync(IAmazonEC2 ec2, IReadOnlyCollection<string> batch, Dictionary<string, VpcEndpoint> found, CancellationToken cancellationToken)
    {
        var remaining = new HashSet<string>(batch, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            try
            {
                await DescribeAllPagesAsync(ec2, remaining, found, cancellationToken);
                return;
            }
            catch (AmazonEC2Exception e) when (EndpointNotFoundCodes.Contains(e.ErrorCode))
            {
                var unknown = EndpointIdPattern().Matches(e.Message).Select(m => m.Value).Where(remaining.Contains).ToList();
                if (unknown.Count == 0)
                {
                    await DescribeOneByOneAsync(ec2, remaining, found, cancellationToken);
                    return;
                }
                remaining.ExceptWith(unknown);
            }
        }
    }

    private static async Task DescribeOneByOneAsync(IAmazonEC2 ec2, IEnumerable<string> ids, Dictionary<string, VpcEndpoint> found, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            try
            {
                await DescribeAllPagesAsync(ec2, [id], found, cancellationToken);
            }
            catch (AmazonEC2Exception e) when (EndpointNotFoundCodes.Contains(e.ErrorCode))
            {
                // Gone: reported as Deleted by the caller.
            }
        }
    }

    private static async Task DescribeAllPagesAsync(IAmazonEC2 ec2, IReadOnlyCollection<string> ids, Dictionary<string, VpcEndpoint> found, CancellationToken cancellationToken)
    {
        // No MaxResults: the ids bound the answer (at most DescribeBatchSize), and NextToken is followed should AWS page anyway.
        var request = new DescribeVpcEndpointsRequest { VpcEndpointIds = [.. ids] };
        do
        {
            var response = await ec2.DescribeVpcEndpointsAsync(request, cancellationToken);
            foreach (var endpoint in response.VpcEndpoints)
            {
                found[endpoint.VpcEndpointId] = endpoint;
            }
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
    }

    private static EndpointObservation Observe(VpcEndpoint endpoint)
    {
        var rawState = endpoint.State?.Value ?? "";
        return new EndpointObservation(
            endpoint.VpcEndpointId,
            EndpointStates.Parse(rawState),
            rawState,
            [.. endpoint.DnsEntries.Select(d => d.DnsName).Where(n => !string.IsNullOrEmpty(n))],
            [.. endpoint.SubnetIds],
            endpoint.Groups.FirstOrDefault()?.GroupId,
            endpoint.LastError is { } error ? $"{error.Code}: {error.Message}" : null);
    }

    private static EndpointObservation Gone(string endpointId) => new(endpointId, EndpointState.Deleted, "deleted", [], []);

    [GeneratedRegex(@"vpce-[0-9a-f]+")]
    private static partial Regex EndpointIdPattern();

    /// <summary>Maps zone names to zone ids with one DescribeAvailabilityZones call, made only if needed.</summary>
    private sealed class ZoneDirectory(IAmazonEC2 ec2)
    {
        private Dictionary<string, string>? idsByName;

        public async Task<string> IdOfAsync(string zoneName, CancellationToken cancellationToken)
        {
            idsByName ??= (await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), cancellationToken))
                .AvailabilityZones.ToDictionary(z => z.ZoneName, z => z.ZoneId, StringComparer.Ordinal);
            // An unknown name is kept as is: it then simply matches nothing on the other side.
            return idsByName.GetValueOrDefault(zoneName, zoneName);
        }

        public async Task<List<string>> IdsOfAsync(IEnumerable<string> zoneNames, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            foreach (var name in zoneNames)
            {
                ids.Add(await IdOfAsync(name, cancellationToken));
            }
            return [.. ids.Distinct()];
        }
    }
}
