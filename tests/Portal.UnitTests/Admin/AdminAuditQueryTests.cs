using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Admin.AuditView;
using Portal.Web.Features.Audit;

namespace Portal.UnitTests.Admin;

public sealed class AdminAuditQueryTests : IAsyncLifetime
{
    private static readonly PageRequest FirstPage = new(0, 25);
    private static readonly PortalUser Grace = new("grace", "Grace Hopper", null, ["ws-globex"], IsSupport: false);
    private static readonly Guid ConnectionId = Guid.NewGuid();

    private AdminTestDatabase database = default!;
    private AdminAuditQuery query = default!;

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        query = new AdminAuditQuery(database);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));
        var audit = new AuditLog(clock);
        await using var db = database.CreateDbContext();
        db.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Available, id: ConnectionId, name: "Orders DB"));
        audit.Add(db, AdminTestDatabase.Ada, AuditActions.ConnectionCreated, AuditOutcome.Succeeded, "ws-acme", ConnectionId, "created");
        clock.Advance(TimeSpan.FromHours(1)); // 2 March, 00:30 UTC
        audit.Add(db, Grace, AuditActions.EgressIpsRequested, AuditOutcome.Succeeded, "ws-globex", details: "Region us-east-1");
        clock.Advance(TimeSpan.FromDays(1)); // 3 March
        audit.Add(db, AdminTestDatabase.Support, AuditActions.RegionSettingsChanged, AuditOutcome.Succeeded, details: "=cmd|' /C calc'!A0");
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_customer_cannot_read_or_export_the_audit_log()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => query.SearchAsync(AdminTestDatabase.Ada, new(), FirstPage));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => query.ExportCsvAsync(AdminTestDatabase.Ada, new()));
    }

    [Fact]
    public async Task Entries_come_newest_first()
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(), FirstPage);

        Assert.Equal([AuditActions.RegionSettingsChanged, AuditActions.EgressIpsRequested, AuditActions.ConnectionCreated], page.Items.Select(e => e.Action));
    }

    public static TheoryData<AuditFilter, string[]> Filters => new()
    {
        { new(WorkspaceId: "ws-globex"), [AuditActions.EgressIpsRequested] },
        { new(Actor: "grace"), [AuditActions.EgressIpsRequested] }, // by id
        { new(Actor: "LOVE"), [AuditActions.ConnectionCreated] }, // part of the name, any case
        { new(Actor: "%"), [] }, // a wildcard is taken literally
        { new(Action: AuditActions.RegionSettingsChanged), [AuditActions.RegionSettingsChanged] },
        { new(ConnectionId: ConnectionId), [AuditActions.ConnectionCreated] },
        { new(From: new DateOnly(2026, 3, 2)), [AuditActions.RegionSettingsChanged, AuditActions.EgressIpsRequested] },
        { new(To: new DateOnly(2026, 3, 1)), [AuditActions.ConnectionCreated] }, // the whole day, up to 23:59:59
        { new(From: new DateOnly(2026, 3, 2), To: new DateOnly(2026, 3, 2)), [AuditActions.EgressIpsRequested] },
        { new(WorkspaceId: "ws-acme", Action: AuditActions.EgressIpsRequested), [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_narrow_by_workspace_actor_action_connection_and_whole_utc_days(AuditFilter filter, string[] actions)
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, filter, FirstPage);

        Assert.Equal(actions, page.Items.Select(e => e.Action));
        Assert.Equal(actions.Length, page.TotalCount);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_entries_as_csv_with_formulas_defused()
    {
        var export = await query.ExportCsvAsync(AdminTestDatabase.Support, new(From: new DateOnly(2026, 3, 2)));

        var lines = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,actor_id,actor_name,action,outcome,workspace_id,connection_id,connection_name,client_address,details", lines[0]);
        Assert.Equal("2026-03-03 00:30:00,sam,Sam Support,region.update,Succeeded,,,,,'=cmd|' /C calc'!A0", lines[1]);
        Assert.Equal("2026-03-02 00:30:00,grace,Grace Hopper,egress-ips.request,Succeeded,ws-globex,,,,Region us-east-1", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.False(export.Capped);
    }

    [Fact]
    public async Task Entries_about_a_connection_carry_its_current_name_in_the_grid_and_the_export()
    {
        var export = await query.ExportCsvAsync(AdminTestDatabase.Support, new(ConnectionId: ConnectionId));
        var names = await query.ConnectionNamesAsync(AdminTestDatabase.Support, [ConnectionId, Guid.NewGuid()]);

        var lines = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"2026-03-01 23:30:00,ada,Ada Lovelace,connection.create,Succeeded,ws-acme,{ConnectionId},Orders DB,,created", lines[1]);
        Assert.Equal("Orders DB", Assert.Single(names).Value);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => query.ConnectionNamesAsync(AdminTestDatabase.Ada, [ConnectionId]));
    }

    [Fact]
    public async Task The_export_stops_at_its_limit_and_says_how_many_matched()
    {
        var export = await query.ExportCsvAsync(AdminTestDatabase.Support, new(), limit: 2, CancellationToken.None);

        Assert.Equal(2, export.Rows);
        Assert.Equal(3, export.Matching);
        Assert.True(export.Capped);
        Assert.Equal(3, export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_action_filter_offers_every_action_the_portal_writes() =>
        Assert.Contains(AuditActions.EgressIpsRequested, AdminAuditQuery.KnownActions);
}
