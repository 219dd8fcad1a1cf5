using Portal.Tests.Shared;
using Portal.Web.Hosting.Limits;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Connections;

public class ConnectionRequestTests
{
    /// <summary>The database these tests run on; <c>ConnectionRequestTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null) => ProvisioningHarness.CreateAsync(limits, Provider);

    [Fact]
    public async Task Creating_stores_the_request_and_returns_before_any_aws_call()
    {
        await using var harness = await CreateAsync();

        var id = await harness.CreateConnectionAsync();

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.Requested, connection.Status);
        Assert.Equal(ConnectionOperation.Create, connection.PendingOperation);
        Assert.Equal(32, connection.ClientToken.Length);
        Assert.Equal(0, harness.Provisioner.CreateCalls);
        Assert.Contains(await harness.AuditAsync(id), a => a.Action == AuditActions.ConnectionCreated && a.ActorId == Ada.Id && a.WorkspaceId == "ws-acme");
    }

    [Fact]
    public async Task The_worker_creates_the_endpoint_and_records_each_status_change()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();

        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
        Assert.Equal(ConnectionOperation.None, connection.PendingOperation);
        Assert.StartsWith("vpce-", connection.EndpointId);
        Assert.NotEmpty(connection.DnsNames);
        Assert.Equal(harness.Clock.GetUtcNow() + harness.ReconcilerOptions.AcceptanceTimeout, connection.AcceptanceDeadline);
        Assert.Equal([ConnectionStatus.Requested, ConnectionStatus.Creating, ConnectionStatus.PendingAcceptance], connection.Events.OrderBy(e => e.Id).Select(e => e.ToStatus));
        Assert.Equal(2, (await harness.AuditAsync(id)).Count(a => a.Action == AuditActions.StatusChanged));
    }

    [Fact]
    public async Task Submitting_the_same_wizard_twice_makes_one_connection()
    {
        await using var harness = await CreateAsync();
        var input = new CreateConnectionRequest(UsEast, ServiceName, Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceName));

        var results = await Task.WhenAll(harness.Service.CreateAsync(Access(Ada, "ws-acme"), input), harness.Service.CreateAsync(Access(Ada, "ws-acme"), input));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(results[0].ConnectionId, results[1].ConnectionId);
        Assert.Single(await harness.Service.ListAsync(Access(Ada, "ws-acme")));
    }

    [Fact]
    public async Task A_service_already_connected_in_the_workspace_is_refused_with_a_link_to_the_connection()
    {
        await using var harness = await CreateAsync();
        var first = await harness.CreateConnectionAsync();

        var second = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, ServiceName.ToUpperInvariant(), Guid.NewGuid(), ConnectionSeeds.NameFor(ServiceName.ToUpperInvariant())));

        Assert.False(second.Succeeded);
        Assert.Equal(ServiceNameErrorCode.AlreadyConnected, second.InputError!.Code);
        Assert.Equal($"/connections/{first}", second.InputError.Link!.Href);
    }

    [Fact]
    public async Task The_same_service_in_another_workspace_is_a_separate_connection()
    {
        await using var harness = await CreateAsync();
        await harness.CreateConnectionAsync(Ada);

        var other = await harness.CreateConnectionAsync(Grace);

        Assert.NotEqual(Guid.Empty, other);
    }

    [Fact]
    public async Task The_server_refuses_a_bad_name_even_if_the_page_let_it_through()
    {
        await using var harness = await CreateAsync();

        var outcome = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest(UsEast, "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", Guid.NewGuid(), ConnectionSeeds.NameFor("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0")));

        Assert.Equal(ServiceNameErrorCode.RegionMismatch, outcome.InputError!.Code);
        Assert.Empty(await harness.Service.ListAsync(Access(Ada, "ws-acme")));
    }

    [Fact]
    public async Task A_region_that_is_not_offered_is_refused()
    {
        await using var harness = await CreateAsync();

        var outcome = await harness.Service.CreateAsync(Access(Ada, "ws-acme"), new CreateConnectionRequest("ap-south-1", "com.amazonaws.vpce.ap-south-1.vpce-svc-0123456789abcdef0", Guid.NewGuid(), ConnectionSeeds.NameFor("com.amazonaws.vpce.ap-south-1.vpce-svc-0123456789abcdef0")));

        Assert.Equal(ServiceNameErrorCode.UnknownRegion, outcome.InputError!.Code);
    }

    [Fact]
    public async Task Verify_is_audited_with_its_outcome()
    {
        await using var harness = await CreateAsync();

        var outcome = await harness.Service.VerifyAsync(Access(Ada, "ws-acme"), UsEast, "  " + ServiceName.ToUpperInvariant());

        Assert.True(outcome.Succeeded);
        Assert.Equal(ServiceName, outcome.ServiceName);
        Assert.NotNull(outcome.Note);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        var entry = Assert.Single(db.AuditEntries.Where(a => a.Action == AuditActions.ServiceVerified));
        Assert.Equal(AuditOutcome.Succeeded, entry.Outcome);
    }

    [Fact]
    public async Task Deleting_a_request_the_worker_never_started_needs_no_aws_call()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();

        Assert.Equal(DeleteOutcome.Requested, await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), id));
        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(ConnectionStatus.Deleted, (await harness.LoadAsync(id)).Status);
        Assert.Equal(0, harness.Provisioner.CreateCalls + harness.Provisioner.DeleteCalls);
    }

    [Fact]
    public async Task A_deleted_service_can_be_connected_again()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync();
        await harness.Service.DeleteAsync(Access(Ada, "ws-acme"), id);

        var again = await harness.CreateConnectionAsync();

        Assert.NotEqual(id, again);
    }
}
