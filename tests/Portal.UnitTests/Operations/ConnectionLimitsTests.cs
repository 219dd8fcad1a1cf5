using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Connections.ServiceNames;
using Microsoft.EntityFrameworkCore;
using Portal.UnitTests.Connections;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Hosting.Limits;
using Portal.UnitTests.Provisioning;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Operations;

/// <summary>The connection service applies the rate limits and the per-workspace cap on the server, whatever the page did.</summary>
public class ConnectionLimitsTests
{
    /// <summary>The database these tests run on; <c>ConnectionLimitsTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null) => ProvisioningHarness.CreateAsync(limits, Provider);

    [Fact]
    public async Task A_workspace_at_its_cap_in_a_region_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        await using var harness = await CreateAsync();
        harness.Limits.ConnectionsPerWorkspaceRegion = 2;
        await harness.CreateConnectionAsync(serviceName: ServiceNameNumber(1));
        await harness.CreateConnectionAsync(serviceName: ServiceNameNumber(2));

        var third = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, ServiceNameNumber(3), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceNameNumber(3))));

        Assert.False(third.Succeeded);
        Assert.Null(third.InputError);
        Assert.Equal(LimitMessages.WorkspaceRegionFull("ws-acme", UsEast, 2), third.Refusal);
        Assert.Contains("already has 2 connections in us-east-1", third.Refusal);
        Assert.Equal(2, (await harness.Service.ListAsync(Access(Ada, "ws-acme"))).Count);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.ConnectionCreated && a.Outcome == AuditOutcome.Refused).ToListAsync());
    }

    [Fact]
    public async Task The_cap_counts_per_workspace_and_region_and_a_deleted_connection_frees_its_place()
    {
        await using var harness = await CreateAsync();
        harness.Limits.ConnectionsPerWorkspaceRegion = 1;
        var first = await harness.CreateConnectionAsync(Ada);

        var sameRegion = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, ServiceNameNumber(2), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceNameNumber(2))));
        var otherRegion = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest("eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef2", Guid.NewGuid(), ConnectionSeeds.NameFor("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef2")));
        var otherWorkspace = await harness.Service.CreateAsync(Access(Grace, "ws-globex"), new CreateConnectionRequest(UsEast, ServiceNameNumber(2), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceNameNumber(2))));
        await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), first);
        var afterDelete = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, ServiceNameNumber(2), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceNameNumber(2))));

        Assert.NotNull(sameRegion.Refusal);
        Assert.True(otherRegion.Succeeded);
        Assert.True(otherWorkspace.Succeeded);
        Assert.True(afterDelete.Succeeded, afterDelete.Refusal);
    }

    [Fact]
    public async Task Verifying_too_fast_is_refused_before_any_aws_call()
    {
        await using var harness = await CreateAsync(TightLimits());

        var first = await harness.Service.VerifyAsync(Access(Ada, "ws-acme"), UsEast, ServiceName);
        var second = await harness.Service.VerifyAsync(Access(Ada, "ws-acme"), UsEast, ServiceName);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.StartsWith("You are going a little fast: wait ", second.Refusal);
        Assert.Equal(1, harness.Provisioner.VerifyCalls);
    }

    [Fact]
    public async Task Creating_too_fast_is_refused_and_stores_nothing()
    {
        await using var harness = await CreateAsync(TightLimits());
        await harness.CreateConnectionAsync(serviceName: ServiceNameNumber(1));

        var second = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, ServiceNameNumber(2), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceNameNumber(2))));

        Assert.StartsWith("You are going a little fast: wait ", second.Refusal);
        Assert.Single(await harness.Service.ListAsync(Access(Ada, "ws-acme")));
    }

    [Fact]
    public async Task Repeating_a_stored_create_is_answered_without_using_the_allowance()
    {
        await using var harness = await CreateAsync(TightLimits());
        var input = new CreateConnectionRequest(UsEast, ServiceName, Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceName));
        var first = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), input);

        var repeats = new List<CreateOutcome>();
        for (var i = 0; i < 3; i++)
        {
            repeats.Add(await harness.Service.CreateAsync(Access(Ada, "ws-acme"), input));
        }

        Assert.All(repeats, r => Assert.Equal(first.ConnectionId, r.ConnectionId));
    }

    [Fact]
    public async Task A_create_dispatched_repeatedly_makes_one_connection_and_one_endpoint()
    {
        await using var harness = await CreateAsync();
        var input = new CreateConnectionRequest(UsEast, ServiceName, Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceName));

        // What a burst of clicks, or a circuit that re-sends after a reconnect, looks like on the server.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => harness.Service.CreateAsync(Access(Ada, "ws-acme"), input)));
        var later = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), input);
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);
        var afterTheWorker = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), input);
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var id = Assert.Single(concurrent.Append(later).Append(afterTheWorker).Select(r => r.ConnectionId).Distinct());
        Assert.NotNull(id);
        Assert.Single(await harness.Service.ListAsync(Access(Ada, "ws-acme")));
        Assert.Equal(1, harness.Provisioner.CreateCalls);
        Assert.Single(harness.Provisioner.Endpoints);
    }

    private static string ServiceNameNumber(int number) => $"com.amazonaws.vpce.us-east-1.vpce-svc-{number:x17}";

    private static LimitsOptions TightLimits()
    {
        var one = new ActionLimits { PerUser = new TokenBucket { Burst = 1, PerMinute = 1 }, PerWorkspace = new TokenBucket { Burst = 10, PerMinute = 1 } };
        return new LimitsOptions { Verify = one, Create = one };
    }
}
