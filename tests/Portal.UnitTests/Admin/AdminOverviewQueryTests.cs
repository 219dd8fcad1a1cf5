using Microsoft.Extensions.Time.Testing;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Connections;
using Portal.Web.Features.EgressIps;

namespace Portal.UnitTests.Admin;

public sealed class AdminOverviewQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private AdminTestDatabase database = default!;

    public async Task InitializeAsync() => database = await AdminTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_customer_cannot_read_the_overview() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => new AdminOverviewQuery(database, new FakeTimeProvider(Now)).GetAsync(AdminTestDatabase.Ada));

    [Fact]
    public async Task The_overview_counts_connections_by_status_regions_and_last_weeks_egress_requests()
    {
        await database.AddConnectionAsync("ws-acme", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d", ConnectionStatus.Available, "vpce-0a1b2c3d", Now);
        await database.AddConnectionAsync("ws-acme", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-1a1b2c3d", ConnectionStatus.Failed, null, Now);
        await database.AddConnectionAsync("ws-acme", "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-2a1b2c3d", ConnectionStatus.Available, "vpce-2a1b2c3d", Now);
        await using (var db = database.CreateDbContext())
        {
            foreach (var daysAgo in new[] { 1, 6, 8 })
            {
                db.EgressIpRequests.Add(new EgressIpRequest { WorkspaceId = "ws-acme", Region = "us-east-1", RequestedById = "ada", RequestedByName = "Ada", RequestedAt = Now.AddDays(-daysAgo) });
            }
            await db.SaveChangesAsync();
        }

        var overview = await new AdminOverviewQuery(database, new FakeTimeProvider(Now)).GetAsync(AdminTestDatabase.Support);

        Assert.Equal(3, overview.Connections);
        Assert.Equal([new StatusCount(ConnectionStatus.Available, 2), new StatusCount(ConnectionStatus.Failed, 1)], overview.ByStatus);
        Assert.Equal(1, overview.CountOf(ConnectionStatus.Failed));
        Assert.Equal(0, overview.CountOf(ConnectionStatus.Rejected));
        Assert.Equal((2, 3), (overview.EnabledRegions, overview.Regions));
        Assert.Equal(2, overview.EgressRequestsLastWeek);
    }
}
