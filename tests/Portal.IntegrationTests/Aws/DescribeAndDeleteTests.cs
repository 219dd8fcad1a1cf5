using Portal.Web.Provisioning;

namespace Portal.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class DescribeAndDeleteTests(AwsWorld world)
{
    [Fact]
    public async Task Describe_maps_states_dns_names_subnets_and_group_of_known_endpoints_in_input_order()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        var result = await world.Provisioner.DescribeEndpointsAsync(AwsWorld.Region, [second.EndpointId, first.EndpointId], CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal([second.EndpointId, first.EndpointId], result.Value!.Select(o => o.EndpointId));
        Assert.All(result.Value!, o =>
        {
            Assert.Equal(EndpointState.Available, o.State);
            Assert.Equal("available", o.RawState, ignoreCase: true);
            Assert.NotEmpty(o.DnsNames);
            Assert.Equal(world.OurSubnetIds.Order(), o.SubnetIds.Order());
            Assert.StartsWith("sg-", o.SecurityGroupId);
        });
    }

    [Fact]
    public async Task Describe_reports_ids_aws_does_not_know_as_deleted_even_in_a_batch_with_known_ids()
    {
        var known = await CreateAsync();
        string[] unknown = ["vpce-0000aaaa", "vpce-0000bbbb"];

        // AWS (and moto) fail the whole call when one id is unknown; the provisioner must still answer for every id.
        var result = await world.Provisioner.DescribeEndpointsAsync(AwsWorld.Region, [unknown[0], known.EndpointId, unknown[1]], CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail);
        var byId = result.Value!.ToDictionary(o => o.EndpointId);
        Assert.Equal(3, byId.Count);
        Assert.Equal(EndpointState.Available, byId[known.EndpointId].State);
        Assert.Equal(EndpointState.Deleted, byId[unknown[0]].State);
        Assert.Equal(EndpointState.Deleted, byId[unknown[1]].State);
    }

    [Fact]
    public async Task Describe_of_nothing_succeeds_with_nothing()
    {
        var result = await world.Provisioner.DescribeEndpointsAsync(AwsWorld.Region, [], CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public async Task Delete_removes_the_endpoint_and_deleting_it_again_is_fine()
    {
        var endpoint = await CreateAsync();

        var deleted = await world.Provisioner.DeleteEndpointAsync(AwsWorld.Region, endpoint.EndpointId, CancellationToken.None);
        var again = await world.Provisioner.DeleteEndpointAsync(AwsWorld.Region, endpoint.EndpointId, CancellationToken.None);
        var described = await world.Provisioner.DescribeEndpointsAsync(AwsWorld.Region, [endpoint.EndpointId], CancellationToken.None);

        // An accepted deletion is Deleting; the next describe tells when it is gone (moto: at once, still listed as deleted).
        Assert.True(deleted.Succeeded, deleted.Failure?.Detail);
        Assert.Equal(EndpointState.Deleting, deleted.Value);
        Assert.True(again.Succeeded, again.Failure?.Detail);
        Assert.Equal(EndpointState.Deleted, Assert.Single(described.Value!).State);
    }

    [Fact]
    public async Task Delete_of_an_id_aws_does_not_know_counts_as_deleted()
    {
        var result = await world.Provisioner.DeleteEndpointAsync(AwsWorld.Region, "vpce-0000cccc", CancellationToken.None);

        // moto accepts it silently (Deleting); AWS reports it unsuccessful with a NotFound code (Deleted), see HttpFaultTests.
        Assert.True(result.Succeeded, result.Failure?.Detail);
    }

    private async Task<EndpointObservation> CreateAsync()
    {
        var result = await world.Provisioner.CreateEndpointAsync(world.NewConnection(), CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!;
    }
}
