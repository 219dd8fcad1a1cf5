using Amazon.EC2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class CreateEndpointTests(AwsWorld world)
{
    [Fact]
    public async Task Create_makes_an_interface_endpoint_in_our_vpc_with_one_subnet_per_shared_zone_the_workspace_group_and_our_tags()
    {
        var request = world.NewConnection();

        var result = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail ?? result.Failure?.Reason);
        var observation = result.Value!;
        Assert.StartsWith("vpce-", observation.EndpointId);
        Assert.Equal(EndpointState.Available, observation.State); // moto makes endpoints available at once
        // The SDK hands states over as its own constants ("Available"); unknown values pass through as sent.
        Assert.Equal("available", observation.RawState, ignoreCase: true);
        Assert.NotEmpty(observation.DnsNames);
        Assert.Equal(world.OurSubnetIds.Order(), observation.SubnetIds.Order());

        var groups = await world.Isolation.EnsureAsync(world.Ec2, AwsWorld.Region, world.OurVpcId, request.WorkspaceId, CancellationToken.None);
        Assert.Equal(groups.EndpointsGroupId, observation.SecurityGroupId);

        var endpoint = Assert.Single(await world.EndpointsTaggedWithAsync(request.ConnectionId));
        Assert.Equal(observation.EndpointId, endpoint.VpcEndpointId);
        Assert.Equal("Interface", endpoint.VpcEndpointType.Value);
        Assert.Equal(world.OurVpcId, endpoint.VpcId);
        Assert.Equal(request.ServiceName.Value, endpoint.ServiceName);
        Assert.Equal([groups.EndpointsGroupId], endpoint.Groups.Select(g => g.GroupId));
        Assert.False(endpoint.PrivateDnsEnabled);
        var tags = endpoint.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(request.WorkspaceId, tags[PortalTags.WorkspaceId]);
        Assert.Equal(request.ConnectionId.ToString(), tags[PortalTags.ConnectionId]);
        Assert.Equal("privatelink-portal", tags["managed-by"]);
        Assert.False(string.IsNullOrWhiteSpace(tags["Name"]));
    }

    [Fact]
    public async Task Create_adds_the_regions_base_group_read_from_the_region_settings_at_call_time()
    {
        var baseGroup = (await world.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = $"portal-base-{Guid.NewGuid():N}",
            Description = "base group of the region",
            VpcId = world.OurVpcId,
        })).GroupId;
        await SetBaseGroupAsync(baseGroup);
        try
        {
            var request = world.NewConnection();

            var result = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);

            Assert.True(result.Succeeded, result.Failure?.Detail);
            var endpoint = Assert.Single(await world.EndpointsTaggedWithAsync(request.ConnectionId));
            Assert.Equal([result.Value!.SecurityGroupId, baseGroup], endpoint.Groups.Select(g => g.GroupId));
        }
        finally
        {
            await SetBaseGroupAsync(null);
        }
    }

    [Fact]
    public async Task Create_called_twice_for_one_connection_makes_one_endpoint_although_moto_ignores_the_client_token()
    {
        var request = world.NewConnection();

        var first = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);
        // A retry after a crash comes with the same connection but, as far as moto is concerned, could be any token.
        var second = await world.Provisioner.CreateEndpointAsync(request with { ClientToken = $"ct-{Guid.NewGuid():N}" }, CancellationToken.None);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(first.Value!.EndpointId, second.Value!.EndpointId);
        Assert.Single(await world.EndpointsTaggedWithAsync(request.ConnectionId));
    }

    [Fact]
    public async Task Concurrent_creates_for_one_connection_make_one_endpoint()
    {
        var request = world.NewConnection();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.Provisioner.CreateEndpointAsync(request, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Value!.EndpointId).Distinct());
        Assert.Single(await world.EndpointsTaggedWithAsync(request.ConnectionId));
    }

    [Fact]
    public async Task Create_after_the_connections_endpoint_was_deleted_makes_a_new_one()
    {
        var request = world.NewConnection();
        var first = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);
        await world.Ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [first.Value!.EndpointId] });

        var second = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);

        Assert.True(second.Succeeded, second.Failure?.Detail);
        Assert.NotEqual(first.Value.EndpointId, second.Value!.EndpointId);
    }

    [Fact]
    public async Task Create_for_an_unknown_service_fails_with_the_typed_error_and_makes_nothing()
    {
        var request = world.NewConnection(serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210");

        var result = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);

        Assert.Equal(ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted, result.Failure?.Kind);
        Assert.Empty(await world.EndpointsTaggedWithAsync(request.ConnectionId));
    }

    [Fact]
    public async Task Create_for_a_service_in_none_of_our_zones_fails_with_the_typed_error_and_makes_nothing()
    {
        var request = world.NewConnection(serviceName: world.Customer.LonelyServiceName);

        var result = await world.Provisioner.CreateEndpointAsync(request, CancellationToken.None);

        Assert.Equal(ProvisioningFailureKind.NoSharedAvailabilityZone, result.Failure?.Kind);
        Assert.Empty(await world.EndpointsTaggedWithAsync(request.ConnectionId));
    }

    /// <summary>What support does on the region settings page.</summary>
    private async Task SetBaseGroupAsync(string? groupId)
    {
        await using var db = await world.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.RegionSettings.Where(r => r.Code == AwsWorld.Region).ExecuteUpdateAsync(r => r.SetProperty(x => x.SecurityGroupId, groupId));
    }
}
