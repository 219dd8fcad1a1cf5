using Amazon.EC2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class WorkspaceIsolationTests(AwsWorld world)
{
    [Fact]
    public async Task Two_connections_of_one_workspace_share_one_pair_of_groups_and_another_workspace_gets_its_own()
    {
        var workspace = AwsWorld.NewWorkspaceId();
        var other = AwsWorld.NewWorkspaceId();

        var first = await CreateAsync(workspace);
        var second = await CreateAsync(workspace);
        var third = await CreateAsync(other);

        Assert.Equal(first.SecurityGroupId, second.SecurityGroupId);
        Assert.NotEqual(first.SecurityGroupId, third.SecurityGroupId);
        Assert.Equal(2, (await TaggedGroupsAsync(workspace)).Count);
        Assert.Equal(2, (await TaggedGroupsAsync(other)).Count);

        var stored = await StoredAsync(workspace);
        Assert.NotNull(stored);
        Assert.Equal(first.SecurityGroupId, stored.EndpointsGroupId);
    }

    [Fact]
    public async Task The_endpoints_group_admits_traffic_only_from_the_workers_group()
    {
        var workspace = AwsWorld.NewWorkspaceId();

        var pair = await world.Isolation.EnsureAsync(world.Ec2, AwsWorld.Region, world.OurVpcId, workspace, CancellationToken.None);

        var groups = (await TaggedGroupsAsync(workspace)).ToDictionary(g => g.GroupId);
        var endpoints = groups[pair.EndpointsGroupId];
        var rule = Assert.Single(endpoints.IpPermissions);
        Assert.Equal("-1", rule.IpProtocol);
        Assert.Equal([pair.WorkersGroupId], rule.UserIdGroupPairs.Select(p => p.GroupId));
        Assert.Empty(rule.Ipv4Ranges);
        Assert.Empty(rule.Ipv6Ranges);
        Assert.Equal(world.OurVpcId, endpoints.VpcId);
        Assert.Equal(WorkspaceIsolationGroups.EndpointsRole, endpoints.Tags.Single(t => t.Key == PortalTags.Role).Value);
        Assert.Equal(WorkspaceIsolationGroups.WorkersRole, groups[pair.WorkersGroupId].Tags.Single(t => t.Key == PortalTags.Role).Value);
    }

    [Fact]
    public async Task Groups_created_before_a_crash_that_lost_the_row_are_found_by_their_tags_not_created_again()
    {
        var workspace = AwsWorld.NewWorkspaceId();
        var before = await world.Isolation.EnsureAsync(world.Ec2, AwsWorld.Region, world.OurVpcId, workspace, CancellationToken.None);
        await using (var db = await DbAsync())
        {
            await db.WorkspaceSecurityGroups.Where(g => g.WorkspaceId == workspace).ExecuteDeleteAsync();
        }

        var after = await world.Isolation.EnsureAsync(world.Ec2, AwsWorld.Region, world.OurVpcId, workspace, CancellationToken.None);

        Assert.Equal((before.WorkersGroupId, before.EndpointsGroupId), (after.WorkersGroupId, after.EndpointsGroupId));
        Assert.Equal(2, (await TaggedGroupsAsync(workspace)).Count);
        Assert.NotNull(await StoredAsync(workspace));
    }

    [Fact]
    public async Task Concurrent_first_connections_of_a_workspace_make_one_pair_of_groups()
    {
        var workspace = AwsWorld.NewWorkspaceId();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CreateAsync(workspace)));

        Assert.Single(results.Select(r => r.SecurityGroupId).Distinct());
        Assert.Equal(2, (await TaggedGroupsAsync(workspace)).Count);
    }

    private async Task<Portal.Web.Provisioning.EndpointObservation> CreateAsync(string workspaceId)
    {
        var result = await world.Provisioner.CreateEndpointAsync(world.NewConnection(workspaceId), CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!;
    }

    private async Task<List<SecurityGroup>> TaggedGroupsAsync(string workspaceId) =>
        (await world.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter($"tag:{PortalTags.WorkspaceId}", [workspaceId])],
        })).SecurityGroups;

    private async Task<Portal.Web.Provisioning.WorkspaceSecurityGroup?> StoredAsync(string workspaceId)
    {
        await using var db = await DbAsync();
        return await db.WorkspaceSecurityGroups.AsNoTracking().SingleOrDefaultAsync(g => g.WorkspaceId == workspaceId && g.Region == AwsWorld.Region);
    }

    private Task<PortalDbContext> DbAsync() =>
        world.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
