using Portal.Web.Hosting.Limits;
using Portal.Web.Data;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Connections;

public class ConnectionReconcilerTests
{
    /// <summary>The database these tests run on; <c>ConnectionReconcilerTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null) => ProvisioningHarness.CreateAsync(limits, Provider);

    private async Task<(ProvisioningHarness Harness, Guid Id, string EndpointId)> CreatedAsync()
    {
        var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);
        return (harness, id, (await harness.LoadAsync(id)).EndpointId!);
    }

    [Fact]
    public async Task Owner_acceptance_is_followed_to_available_and_published_to_open_pages()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;
        var published = new List<ConnectionChange>();
        using var subscription = harness.Notifier.Subscribe(change => { lock (published) { published.Add(change); } return Task.CompletedTask; });

        harness.Provisioner.SetState(endpointId, "pending");
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);
        harness.Provisioner.SetState(endpointId, "available");
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Available, connection.Status);
        Assert.Equal(harness.Clock.GetUtcNow() + harness.ReconcilerOptions.SlowPollInterval, connection.NextCheckAt);
        await WaitUntil(() => published.Count == 2);
        Assert.Equal([ConnectionStatus.Pending, ConnectionStatus.Available], published.Select(p => p.Status));
    }

    [Fact]
    public async Task Connections_not_due_are_not_described()
    {
        var (harness, _, _) = await CreatedAsync();
        await using var __ = harness;

        var report = await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(0, report.Checked);
        Assert.Equal(0, harness.Provisioner.DescribeCalls);
    }

    [Fact]
    public async Task Two_instances_reconciling_at_once_describe_each_region_once()
    {
        await using var harness = await CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await harness.CreateConnectionAsync(serviceName: $"com.amazonaws.vpce.us-east-1.vpce-svc-{i:x17}");
            await harness.CreateConnectionAsync(serviceName: $"com.amazonaws.vpce.eu-west-1.vpce-svc-{i:x17}", region: "eu-west-1");
        }
        var worker = harness.NewWorker();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        // The first cycle to reach AWS waits (up to a second) for the other, so both have read what is due.
        var otherArrived = new TaskCompletionSource();
        var arrivals = 0;
        harness.Provisioner.BeforeDescribe = async () =>
        {
            if (Interlocked.Increment(ref arrivals) > 1)
            {
                otherArrived.TrySetResult();
            }
            await Task.WhenAny(otherArrived.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        };

        var reports = await Task.WhenAll(harness.NewReconciler().ReconcileOnceAsync(CancellationToken.None), harness.NewReconciler().ReconcileOnceAsync(CancellationToken.None));
        harness.Provisioner.BeforeDescribe = null;

        Assert.Equal(20, reports.Sum(r => r.Checked));
        Assert.InRange(harness.Provisioner.DescribeCalls, 2, 4);
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        Assert.Equal(20, (await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None)).Checked);
    }

    [Fact]
    public async Task One_describe_per_region_whatever_the_number_of_connections()
    {
        await using var harness = await CreateAsync();
        for (var i = 0; i < 30; i++)
        {
            await harness.CreateConnectionAsync(serviceName: $"com.amazonaws.vpce.us-east-1.vpce-svc-{i:x17}");
            await harness.CreateConnectionAsync(serviceName: $"com.amazonaws.vpce.eu-west-1.vpce-svc-{i:x17}", region: "eu-west-1");
        }
        var worker = harness.NewWorker();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);

        var report = await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(60, report.Checked);
        Assert.Equal(2, report.Regions);
        Assert.Equal(2, harness.Provisioner.DescribeCalls);
    }

    [Fact]
    public async Task An_endpoint_deleted_outside_the_portal_is_shown_as_deleted_with_the_reason()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;
        harness.Provisioner.Remove(endpointId);
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);

        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Deleted, connection.Status);
        Assert.Contains("outside the portal", connection.Events.OrderBy(e => e.Id).Last().Message);
    }

    [Fact]
    public async Task A_rejection_by_the_owner_is_noticed()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;
        harness.Provisioner.SetState(endpointId, "Rejected");
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);

        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(ConnectionStatus.Rejected, (await harness.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task An_unknown_aws_state_is_shown_as_unknown_with_the_raw_word()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;
        harness.Provisioner.SetState(endpointId, "quantumEntangled");
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);

        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Unknown, connection.Status);
        Assert.Equal("quantumEntangled", connection.AwsState);
    }

    [Fact]
    public async Task Waiting_for_acceptance_past_the_limit_expires_and_deletes_the_endpoint()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;
        harness.Clock.Advance(harness.ReconcilerOptions.AcceptanceTimeout + TimeSpan.FromSeconds(1));

        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Expired, connection.Status);
        Assert.Contains("did not accept", connection.FailureReason);
        Assert.Equal("deleting", harness.Provisioner.Endpoints[endpointId].State);

        harness.Provisioner.Remove(endpointId);
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);
        var ended = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Expired, ended.Status);
        Assert.NotNull(ended.DeletedAt);
        Assert.Null(ended.NextCheckAt);
        Assert.Contains(ended.Events, e => e.Message == $"Endpoint {endpointId} deleted.");
    }

    [Fact]
    public async Task A_customer_delete_goes_through_deleting_to_deleted()
    {
        var (harness, id, endpointId) = await CreatedAsync();
        await using var _ = harness;

        await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), id);
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);
        Assert.Equal(ConnectionStatus.Deleting, (await harness.LoadAsync(id)).Status);
        harness.Provisioner.Remove(endpointId);
        harness.Clock.Advance(harness.ReconcilerOptions.FastPollInterval);
        await harness.Reconciler.ReconcileOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Deleted, connection.Status);
        Assert.Empty(await harness.Service.ListAsync(Access(Ada, "ws-acme")));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
