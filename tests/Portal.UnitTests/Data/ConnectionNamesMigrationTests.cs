using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;

namespace Portal.UnitTests.Data;

/// <summary>Connections stored before names existed get the name the wizard would have proposed, so nothing breaks on upgrade.</summary>
public sealed class ConnectionNamesMigrationTests : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"portal-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Existing_connections_are_named_after_region_and_service_id()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var before = new PortalDbContext(options))
        {
            await before.GetService<IMigrator>().MigrateAsync("20261124191604_InitialCreate");
            foreach (var (region, service) in new[] { ("us-east-1", "vpce-svc-0123456789abcdef0"), ("eu-west-1", "vpce-svc-0a1b2c3d") })
            {
                await before.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Connections" ("Id", "WorkspaceId", "Region", "ServiceName", "Status", "ClientToken", "DnsNames", "AvailabilityZoneIds",
                        "SubnetIds", "AcceptanceRequired", "CreatedById", "CreatedByName", "CreatedAt", "UpdatedAt", "StatusChangedAt", "PendingOperation", "Attempts", "Version")
                    VALUES ({Guid.NewGuid()}, 'ws-acme', {region}, {$"com.amazonaws.vpce.{region}.{service}"}, 'Available', {Guid.NewGuid().ToString("N")}, '[]', '[]',
                        '[]', 0, 'ada', 'Ada Lovelace', 0, 0, 0, 'None', 0, 1)
                    """);
            }
        }

        await using var after = new PortalDbContext(options);
        await after.Database.MigrateAsync();

        var named = await after.Connections.AsNoTracking().OrderBy(c => c.Region).Select(c => new { c.Name, c.NameKey, c.Description }).ToListAsync();
        Assert.Equal(["eu-west-1 vpce-svc-0a1b2c3d", "us-east-1 vpce-svc-0123456789abcdef0"], named.Select(c => c.Name));
        Assert.All(named, c => Assert.Equal(ConnectionNames.Key(c.Name), c.NameKey));
        Assert.All(named, c => Assert.Null(ConnectionNames.Problem(c.Name)));
        Assert.All(named, c => Assert.Null(c.Description));
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(path);
        return ValueTask.CompletedTask;
    }
}
