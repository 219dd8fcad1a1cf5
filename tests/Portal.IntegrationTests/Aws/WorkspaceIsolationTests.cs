using Amazon.EC2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task A_second_portal_instance_that_looked_before_the_first_created_the_groups_reuses_them_and_its_row()
    {
        var workspace = AwsWorld.NewWorkspaceId();
        var secondLooked = new TaskCompletionSource();
        var firstDone = new TaskCompletionSource();
        // The second instance's first look-up happens after its database check and before the first instance creates
        // anything, so it sees no groups; its answer is held back until the first instance has created and saved the pair.
        var handler = new ScriptedEc2Handler(async (call, _) =>
        {
            if (call is not { Action: "DescribeSecurityGroups", Attempt: 1 })
            {
                return null;
            }
            secondLooked.SetResult();
            await firstDone.Task;
            return ScriptedEc2Handler.Xml(System.Net.HttpStatusCode.OK, """
                <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>x</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>
                """);
        });
        using var secondClients = new Ec2ClientFactory(world.Services.GetRequiredService<IOptions<AwsRegionsOptions>>()) { CreateHttpHandler = () => handler };
        var first = ActivatorUtilities.CreateInstance<WorkspaceIsolationGroups>(world.Services);
        var second = ActivatorUtilities.CreateInstance<WorkspaceIsolationGroups>(world.Services);

        var secondPair = second.EnsureAsync(secondClients.GetClient(AwsWorld.Region), AwsWorld.Region, world.OurVpcId, workspace, CancellationToken.None);
        await secondLooked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var firstPair = await first.EnsureAsync(world.Ec2, AwsWorld.Region, world.OurVpcId, workspace, CancellationToken.None);
        firstDone.SetResult();

        // The second instance's creates hit duplicate names, it takes the first's groups by tag, and its save meets the stored row.
        var reused = await secondPair.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((firstPair.WorkersGroupId, firstPair.EndpointsGroupId), (reused.WorkersGroupId, reused.EndpointsGroupId));
        Assert.Equal(2, handler.CountOf("CreateSecurityGroup"));
        Assert.Equal(0, handler.CountOf("AuthorizeSecurityGroupIngress"));
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
