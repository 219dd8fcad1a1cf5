using Microsoft.EntityFrameworkCore;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Connections;

/// <summary>Names and descriptions through the customer's service: checked on the server, unique per workspace, audited, pushed live.</summary>
public class ConnectionDetailsTests
{
    /// <summary>The database these tests run on; <c>ConnectionDetailsTestsOnPostgres</c> runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string OtherService = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef1";
    private const string ThirdService = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef2";

    private Task<ProvisioningHarness> CreateAsync() => ProvisioningHarness.CreateAsync(provider: Provider);

    [Fact]
    public async Task A_create_stores_the_trimmed_name_and_description_and_audits_the_name()
    {
        await using var harness = await CreateAsync();

        var outcome = await harness.Service.CreateAsync(Access(Ada), Request(name: "  Orders DB  ", description: "  Primary orders database \n"));

        var connection = await harness.LoadAsync(outcome.ConnectionId!.Value);
        Assert.Equal(("Orders DB", "orders db", "Primary orders database"), (connection.Name, connection.NameKey, connection.Description));
        Assert.Contains(await harness.AuditAsync(connection.Id), a => a.Action == AuditActions.ConnectionCreated && a.Details!.Contains("as \"Orders DB\""));
        Assert.Contains("\"Orders DB\"", Assert.Single(connection.Events).Message);
    }

    [Fact]
    public async Task A_name_taken_in_the_workspace_is_refused_ignoring_case_and_nothing_is_stored()
    {
        await using var harness = await CreateAsync();
        await harness.CreateConnectionAsync(Ada, name: "Orders DB");

        var outcome = await harness.Service.CreateAsync(Access(Ada), Request(OtherService, name: "ORDERS db "));

        Assert.False(outcome.Succeeded);
        Assert.Equal(ConnectionNames.Taken("ORDERS db"), outcome.DetailsErrors?.Name);
        Assert.Single(await harness.Service.ListAsync(Access(Ada)));
    }

    [Fact]
    public async Task A_badly_formed_name_or_description_is_refused_by_the_server_too()
    {
        await using var harness = await CreateAsync();

        var badName = await harness.Service.CreateAsync(Access(Ada), Request(name: "orders/db"));
        var longDescription = await harness.Service.CreateAsync(Access(Ada), Request(name: "orders", description: new string('x', 501)));
        var noName = await harness.Service.CreateAsync(Access(Ada), Request(name: "   "));

        Assert.Equal(ConnectionNames.BadCharacters, badName.DetailsErrors?.Name);
        Assert.Equal(ConnectionNames.DescriptionTooLong, longDescription.DetailsErrors?.Description);
        Assert.Equal(ConnectionNames.Required, noName.DetailsErrors?.Name);
        Assert.Empty(await harness.Service.ListAsync(Access(Ada)));
    }

    [Fact]
    public async Task The_same_name_is_free_in_another_workspace_and_after_the_connection_that_had_it_is_deleted()
    {
        await using var harness = await CreateAsync();
        var first = await harness.CreateConnectionAsync(Ada, name: "Orders DB");

        Assert.True((await harness.Service.CreateAsync(Access(Grace), Request(name: "Orders DB"))).Succeeded);
        Assert.NotNull(await harness.Service.CheckConnectionNameAsync(Access(Ada), "orders db"));

        await harness.Service.DeleteAsync(Access(Ada), first); // never started: deleted at once
        Assert.Null(await harness.Service.CheckConnectionNameAsync(Access(Ada), "orders db"));
        Assert.True((await harness.Service.CreateAsync(Access(Ada), Request(OtherService, name: "Orders DB"))).Succeeded);
    }

    [Fact]
    public async Task Two_racing_creates_with_the_same_name_store_one_connection()
    {
        await using var harness = await CreateAsync();

        var outcomes = await Task.WhenAll(
            harness.Service.CreateAsync(Access(Ada), Request(OtherService, name: "Orders DB")),
            harness.Service.CreateAsync(Access(Ada), Request(ThirdService, name: "orders db")));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.DetailsErrors?.Name is { } error && error.Contains("already called"));
        Assert.Single(await harness.Service.ListAsync(Access(Ada)));
    }

    [Fact]
    public async Task The_database_refuses_two_live_connections_with_the_same_name_in_a_workspace()
    {
        await using var harness = await CreateAsync();
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            db.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Deleted, name: "Orders DB"));
            db.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Available, serviceName: OtherService, name: "Orders DB"));
            db.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Available, serviceName: OtherService, workspaceId: "ws-globex", name: "Orders DB"));
            await db.SaveChangesAsync();
        }

        await using var again = await harness.DbFactory.CreateDbContextAsync();
        again.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Requested, serviceName: ThirdService, name: "ORDERS DB"));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task Renaming_notes_old_and_new_name_on_the_timeline_audits_it_and_tells_open_pages()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada, name: "Orders DB");
        var published = new List<ConnectionChange>();
        using var subscription = harness.Notifier.Subscribe(change => { lock (published) { published.Add(change); } return Task.CompletedTask; });

        var outcome = await harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails(" Orders DB primary ", "Moved to the new cluster"));

        Assert.True(outcome.Saved);
        var connection = await harness.LoadAsync(id);
        Assert.Equal(("Orders DB primary", "orders db primary", "Moved to the new cluster"), (connection.Name, connection.NameKey, connection.Description));
        var notes = connection.Events.OrderBy(e => e.Id).Skip(1).Select(e => e.Message).ToList();
        Assert.Equal(["Ada Lovelace renamed the connection from \"Orders DB\" to \"Orders DB primary\".", "Ada Lovelace changed the description."], notes);
        Assert.Equal(ConnectionStatus.Requested, connection.Status);
        var audit = Assert.Single(await harness.AuditAsync(id), a => a.Action == AuditActions.ConnectionDetailsChanged);
        Assert.Equal((AuditOutcome.Succeeded, Ada.Id), (audit.Outcome, audit.ActorId));
        Assert.Contains("from \"Orders DB\" to \"Orders DB primary\"", audit.Details);
        Assert.Contains(published, c => c.ConnectionId == id && c.WorkspaceId == "ws-acme");
        Assert.Equal("Orders DB primary", Assert.Single(await harness.Service.ListAsync(Access(Ada))).Name);
    }

    [Fact]
    public async Task Saving_the_same_details_changes_nothing_and_a_changed_case_is_a_rename()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada, name: "Orders DB");
        var before = await harness.LoadAsync(id);

        var same = await harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("Orders DB ", ""));
        Assert.Equal((true, 0), (same.Saved, same.Changes.Count));
        Assert.Equal(before.Version, (await harness.LoadAsync(id)).Version);

        // Its own name does not count as taken.
        var recased = await harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("orders db", null));
        Assert.True(recased.Saved);
        Assert.Equal("orders db", (await harness.LoadAsync(id)).Name);
    }

    [Fact]
    public async Task Renaming_to_a_name_another_connection_has_is_refused_and_audited_and_keeps_the_old_name()
    {
        await using var harness = await CreateAsync();
        await harness.CreateConnectionAsync(Ada, name: "Orders DB");
        var id = await harness.CreateConnectionAsync(Ada, OtherService, name: "Billing");

        var outcome = await harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("ORDERS DB", "still typed"));

        Assert.False(outcome.Saved);
        Assert.Equal(ConnectionNames.Taken("ORDERS DB"), outcome.Errors?.Name);
        var connection = await harness.LoadAsync(id);
        Assert.Equal(("Billing", null), (connection.Name, connection.Description));
        Assert.Contains(await harness.AuditAsync(id), a => a.Action == AuditActions.ConnectionDetailsChanged && a.Outcome == AuditOutcome.Refused);
    }

    [Fact]
    public async Task A_deleted_connection_keeps_its_name()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada, name: "Orders DB");
        await harness.Service.DeleteAsync(Access(Ada), id);

        var outcome = await harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("Renamed", null));

        Assert.False(outcome.Saved);
        Assert.Equal("Orders DB", (await harness.LoadAsync(id)).Name);
    }

    [Fact]
    public async Task A_rename_during_the_workers_attempt_keeps_both_the_name_and_the_attempts_result()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada, name: "Orders DB");
        harness.Provisioner.BeforeCreate = () =>
            harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("Orders DB primary", "renamed mid-create"));

        await harness.NewWorker().RunOnceAsync(CancellationToken.None);

        var connection = await harness.LoadAsync(id);
        Assert.Equal(("Orders DB primary", "renamed mid-create"), (connection.Name, connection.Description));
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
        Assert.Equal((ConnectionOperation.None, null), (connection.PendingOperation, connection.ClaimedBy));
        Assert.Equal(1, harness.Provisioner.CreateCalls);
        Assert.Contains(connection.Events, e => e.Message.Contains("renamed the connection"));
    }

    [Fact]
    public async Task A_rename_while_the_worker_saves_the_same_row_is_applied_to_what_the_worker_saved()
    {
        await using var harness = await CreateAsync();
        var id = await harness.CreateConnectionAsync(Ada, name: "Orders DB");

        await Task.WhenAll(
            harness.NewWorker().RunOnceAsync(CancellationToken.None),
            harness.Service.UpdateDetailsAsync(Access(Ada), id, new ConnectionDetails("Orders DB primary", null)));

        var connection = await harness.LoadAsync(id);
        Assert.Equal("Orders DB primary", connection.Name);
        Assert.Equal(ConnectionStatus.PendingAcceptance, connection.Status);
    }
}
