using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Admin.RegionEditor;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;

namespace Portal.UnitTests.Admin;

public sealed class RegionSettingsServiceTests : IAsyncLifetime
{
    private AdminTestDatabase database = default!;
    private RegionSettingsService service = default!;

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        service = new RegionSettingsService(database, new RegionSettingsValidator(), new AuditLog(TimeProvider.System), TimeProvider.System);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_customer_cannot_list_read_or_save_region_settings()
    {
        var input = RegionSettingsInput.From((await service.FindAsync(AdminTestDatabase.Support, "us-east-1"))!);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(AdminTestDatabase.Ada));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.FindAsync(AdminTestDatabase.Ada, "us-east-1"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveAsync(AdminTestDatabase.Ada, input));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveAsync(Portal.Web.Features.Account.PortalUser.Anonymous, input));
    }

    [Fact]
    public async Task Saving_changes_the_region_and_audits_only_the_changed_fields_with_old_and_new_values()
    {
        var input = RegionSettingsInput.From((await service.FindAsync(AdminTestDatabase.Support, "us-east-1"))!);
        input.EgressIps = [.. input.EgressIps, "192.0.2.12"];
        input.Enabled = false;

        var result = await service.SaveAsync(AdminTestDatabase.Support, input);

        var saved = Assert.IsType<RegionSaveResult.Saved>(result).Region;
        Assert.Equal(["192.0.2.10", "192.0.2.11", "192.0.2.12"], saved.EgressIps);
        Assert.False(saved.Enabled);
        Assert.Equal("Sam Support", saved.UpdatedBy);
        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.RegionSettingsChanged);
        Assert.Equal("sam", entry.ActorId);
        Assert.Equal(AuditOutcome.Succeeded, entry.Outcome);
        var details = JsonNode.Parse(entry.Details!)!;
        Assert.Equal("us-east-1", (string?)details["region"]);
        var changes = details["changes"]!.AsObject();
        Assert.Equal(["egressIps", "enabled"], changes.Select(c => c.Key).Order());
        Assert.True((bool)changes["enabled"]!["old"]!);
        Assert.False((bool)changes["enabled"]!["new"]!);
        Assert.Equal("[\"192.0.2.10\",\"192.0.2.11\"]", changes["egressIps"]!["old"]!.ToJsonString());
        Assert.Equal("[\"192.0.2.10\",\"192.0.2.11\",\"192.0.2.12\"]", changes["egressIps"]!["new"]!.ToJsonString());
    }

    [Fact]
    public async Task Invalid_settings_sent_past_the_form_are_refused_and_nothing_is_saved_or_audited()
    {
        var before = (await service.FindAsync(AdminTestDatabase.Support, "us-east-1"))!;
        var input = RegionSettingsInput.From(before);
        input.EgressIps = ["192.0.2.999"];
        input.VpcId = "vpc-nope";

        var result = await service.SaveAsync(AdminTestDatabase.Support, input);

        var invalid = Assert.IsType<RegionSaveResult.Invalid>(result);
        Assert.Contains("\"192.0.2.999\" is not an IPv4 address: 999 is more than 255.", invalid.Errors);
        Assert.Contains(invalid.Errors, e => e.StartsWith("VPC id \"vpc-nope\" is not valid"));
        var after = (await service.FindAsync(AdminTestDatabase.Support, "us-east-1"))!;
        Assert.Equal(before.EgressIps, after.EgressIps);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task A_save_based_on_an_outdated_copy_is_refused_as_a_conflict()
    {
        var loaded = (await service.FindAsync(AdminTestDatabase.Support, "eu-west-1"))!;
        var first = RegionSettingsInput.From(loaded);
        first.DisplayName = "Europe (Dublin)";
        var second = RegionSettingsInput.From(loaded);
        second.EgressIps = ["203.0.113.99"];

        Assert.IsType<RegionSaveResult.Saved>(await service.SaveAsync(AdminTestDatabase.Support, first));
        var result = await service.SaveAsync(AdminTestDatabase.Support, second);

        var conflict = Assert.IsType<RegionSaveResult.Conflict>(result);
        Assert.Equal("Sam Support", conflict.UpdatedBy);
        var current = (await service.FindAsync(AdminTestDatabase.Support, "eu-west-1"))!;
        Assert.Equal("Europe (Dublin)", current.DisplayName);
        Assert.Equal(["203.0.113.40"], current.EgressIps);
    }

    [Fact]
    public async Task Saving_without_changes_writes_nothing()
    {
        var input = RegionSettingsInput.From((await service.FindAsync(AdminTestDatabase.Support, "us-east-1"))!);
        input.EgressIps = [" 192.0.2.10 \n192.0.2.11\n"];

        Assert.IsType<RegionSaveResult.Unchanged>(await service.SaveAsync(AdminTestDatabase.Support, input));

        await using var db = database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task An_unknown_region_is_not_found()
    {
        var input = RegionSettingsValidatorTests.Valid();
        input.Code = "ap-south-1";

        Assert.IsType<RegionSaveResult.NotFound>(await service.SaveAsync(AdminTestDatabase.Support, input));
    }

    [Fact]
    public async Task The_list_counts_live_connections_per_region_including_disabled_regions()
    {
        var now = DateTimeOffset.UtcNow;
        await database.AddConnectionAsync("ws-acme", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d", ConnectionStatus.Available, "vpce-0a1b2c3d", now);
        await database.AddConnectionAsync("ws-acme", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-1a1b2c3d", ConnectionStatus.Deleted, null, now);

        var regions = await service.ListAsync(AdminTestDatabase.Support);

        Assert.Equal(["eu-central-1", "eu-west-1", "us-east-1"], regions.Select(r => r.Region.Code));
        Assert.Equal(1, regions.Single(r => r.Region.Code == "us-east-1").LiveConnections);
        Assert.False(regions.Single(r => r.Region.Code == "eu-central-1").Region.Enabled);
    }
}
