using Portal.Web.Hosting.Limits;
using Portal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Connections;

public class ProvisioningWorkerTests
{
    /// <summary>The database these tests run on; <c>ProvisioningWorkerTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null) => ProvisioningHarness.CreateAsync(limits, Provider);

    private static readonly ProvisioningFailure Throttled = new(ProvisioningFailureKind.Transient, "AWS is throttling requests.", "RequestLimitExceeded: Request limit exceeded.");

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_and_shown_as_retrying()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        harness.Provisioner.FailNextCreates(Throttled, Throttled);
        var worker = harness.NewWorker();

        await worker.RunOnceAsync(CancellationToken.None);
        var retrying = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Creating, retrying.Status);
        Assert.Equal("AWS is throttling requests.", retrying.RetryReason);
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None)); // backing off: not due yet

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
        Assert.Null(connection.RetryReason);
        Assert.Equal(3, harness.Provisioner.CreateCalls);
        Assert.Single(harness.Provisioner.Endpoints);
    }

    [Fact]
    public async Task Transient_failures_past_the_limit_end_in_failed_with_a_reason()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        harness.Provisioner.FailNextCreates(Throttled, Throttled, Throttled, Throttled);
        var worker = harness.NewWorker();

        for (var i = 0; i < harness.WorkerOptions.MaxAttempts; i++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            harness.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Failed, connection.Status);
        Assert.Contains("after 4 attempts", connection.FailureReason);
        Assert.Equal(ConnectionOperation.None, connection.PendingOperation);
    }

    [Fact]
    public async Task A_permanent_failure_fails_at_once_and_keeps_the_raw_aws_error_for_support_only()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        harness.Provisioner.FailNextCreates(new ProvisioningFailure(ProvisioningFailureKind.Permanent,
            "We could not create this endpoint; support has been notified.", "UnauthorizedOperation: You are not authorized to perform this operation."));

        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Failed, connection.Status);
        Assert.Equal("We could not create this endpoint; support has been notified.", connection.FailureReason);
        Assert.StartsWith("UnauthorizedOperation", connection.LastAwsError);
        Assert.DoesNotContain("Unauthorized", connection.Events.Select(e => e.Message).Aggregate((a, b) => a + b));
    }

    [Fact]
    public async Task Two_workers_on_one_database_never_both_act_on_one_request()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        var (_, release) = HoldCreates(harness);

        // Either worker may win the claim (on PostgreSQL the second one sometimes does): the winner waits inside
        // CreateVpcEndpoint, so the first to finish is the loser, which must have found the request taken.
        var first = harness.NewWorker().RunOnceAsync(CancellationToken.None);
        var second = harness.NewWorker().RunOnceAsync(CancellationToken.None);
        var loser = await Task.WhenAny(first, second).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await loser);
        release.SetResult();
        var handled = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, handled.Sum());
        Assert.Equal(1, harness.Provisioner.CreateCalls);
        Assert.Equal(ConnectionStatus.PendingAcceptance, (await harness.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_crashed_workers_claim_lapses_and_another_worker_resumes_without_a_second_endpoint()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        // The first worker reached AWS, then its process died before saving the endpoint id.
        var crashed = new CancellationTokenSource();
        harness.Provisioner.BeforeCreate = () => Task.CompletedTask;
        var endpointMadeBeforeCrash = await harness.Provisioner.CreateEndpointAsync(
            new CreateEndpointRequest(id, "ws-acme", ServiceNameParser.Parse(ServiceName).Name!, (await harness.LoadAsync(id)).ClientToken), CancellationToken.None);
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            var leaseEnd = harness.Clock.GetUtcNow() + harness.WorkerOptions.ClaimLease;
            await db.Connections.Where(c => c.Id == id).ExecuteUpdateAsync(set => Connection.Claim(set, "dead-worker", leaseEnd));
        }
        var survivor = harness.NewWorker();

        Assert.Equal(0, await survivor.RunOnceAsync(CancellationToken.None));
        harness.Clock.Advance(harness.WorkerOptions.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.RunOnceAsync(CancellationToken.None));

        var connection = await harness.LoadAsync(id);
        Assert.Equal(endpointMadeBeforeCrash.Value!.EndpointId, connection.EndpointId);
        Assert.Single(harness.Provisioner.Endpoints);
    }

    [Fact]
    public async Task An_attempt_that_runs_longer_than_the_lease_keeps_its_claim_and_no_other_worker_starts_a_second()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        var (inCreate, release) = HoldCreates(harness);
        var slow = harness.NewWorker().RunOnceAsync(CancellationToken.None);
        await inCreate.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = harness.NewWorker();

        // Three leases pass while the CreateVpcEndpoint call is still in flight (SDK timeouts and retries).
        for (var third = 0; third < 9; third++)
        {
            var claimedUntil = (await harness.LoadAsync(id)).ClaimExpiresAt;
            harness.Clock.Advance(harness.WorkerOptions.ClaimLease / 3);
            await WaitUntilAsync(async () => (await harness.LoadAsync(id)).ClaimExpiresAt > claimedUntil);
            Assert.Equal(0, await other.RunOnceAsync(CancellationToken.None));
        }
        release.SetResult();
        Assert.Equal(1, await slow);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
        Assert.Null(connection.ClaimedBy);
        Assert.Equal(1, harness.Provisioner.CreateCalls);
        Assert.Single(harness.Provisioner.Endpoints);
    }

    [Fact]
    public async Task A_worker_that_lost_its_claim_drops_its_result_and_leaves_the_new_owners_claim_alone()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        var (inCreate, release) = HoldCreates(harness);
        var stalled = harness.NewWorker().RunOnceAsync(CancellationToken.None);
        await inCreate.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The worker stalled past its lease (a paused VM, say) and another worker took the request over.
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            var leaseEnd = harness.Clock.GetUtcNow() + harness.WorkerOptions.ClaimLease;
            await db.Connections.Where(c => c.Id == id).ExecuteUpdateAsync(set => Connection.Claim(set, "other-worker", leaseEnd));
        }
        var takenOver = await harness.LoadAsync(id);
        harness.Clock.Advance(harness.WorkerOptions.ClaimLease / 3);
        release.SetResult();
        await stalled;

        var connection = await harness.LoadAsync(id);
        Assert.Equal("other-worker", connection.ClaimedBy);
        Assert.Equal(takenOver.ClaimExpiresAt, connection.ClaimExpiresAt);
        Assert.Equal(takenOver.Version, connection.Version);
        Assert.Equal(takenOver.Status, connection.Status);
        Assert.Null(connection.EndpointId);
    }

    [Fact]
    public async Task Deleting_an_endpoint_whose_id_was_never_saved_finds_it_by_tag()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        await harness.Provisioner.CreateEndpointAsync(new CreateEndpointRequest(id, "ws-acme", ServiceNameParser.Parse(ServiceName).Name!, "token"), CancellationToken.None);
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            // The worker had started this create when its process died.
            db.Connections.Single(c => c.Id == id).StartAttempt(harness.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), id);
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Deleting, connection.Status);
        Assert.Equal(1, harness.Provisioner.DeleteCalls);
        Assert.Equal("deleting", harness.Provisioner.Endpoints[connection.EndpointId!].State);
    }

    [Fact]
    public async Task Support_retry_reruns_a_failed_creation_with_the_same_client_token()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        harness.Provisioner.FailNextCreates(new ProvisioningFailure(ProvisioningFailureKind.Permanent, "Support has been notified.", "AuthFailure: x"));
        var worker = harness.NewWorker();
        await worker.RunOnceAsync(CancellationToken.None);
        var token = (await harness.LoadAsync(id)).ClientToken;

        Assert.True(await harness.SupportActions.RetryAsync(Sam, id));
        await worker.RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
        Assert.Equal(token, connection.ClientToken);
    }

    [Fact]
    public async Task Support_retry_of_a_failed_deletion_deletes_again_rather_than_creating()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        var worker = harness.NewWorker();
        await worker.RunOnceAsync(CancellationToken.None);
        var endpointId = (await harness.LoadAsync(id)).EndpointId!;
        harness.Provisioner.FailNextDelete(new ProvisioningFailure(ProvisioningFailureKind.Permanent, "AWS refused the deletion.", "UnauthorizedOperation: x"));
        await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), id);
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ConnectionStatus.Failed, (await harness.LoadAsync(id)).Status);

        Assert.True(await harness.SupportActions.RetryAsync(Sam, id));
        await worker.RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Deleting, connection.Status);
        Assert.Equal(1, harness.Provisioner.CreateCalls);
        Assert.Equal("deleting", harness.Provisioner.Endpoints[endpointId].State);
    }

    /// <summary>Holds every create call until the test releases it; the first task completes once a call is held.</summary>
    private static (TaskCompletionSource InCreate, TaskCompletionSource Release) HoldCreates(ProvisioningHarness harness)
    {
        var inCreate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Provisioner.BeforeCreate = () =>
        {
            inCreate.TrySetResult();
            return release.Task;
        };
        return (inCreate, release);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(await condition());
    }
}
