using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.UnitTests.Admin;
using Portal.UnitTests.Operations;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.EgressIps;
using Portal.Web.Hosting.Limits;

namespace Portal.UnitTests.EgressIps;

public sealed class EgressIpServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 15, 0, TimeSpan.Zero);

    private AdminTestDatabase database = default!;
    private EgressIpService service = default!;

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Now);
        var limiter = new ActionRateLimiter(Options.Create(new LimitsOptions()), TestMeters.NewFactory(), NullLogger<ActionRateLimiter>.Instance);
        service = new EgressIpService(database, new AuditLog(clock), limiter, clock);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Asking_too_often_gets_a_friendly_refusal_and_is_not_recorded()
    {
        var burst = new LimitsOptions().EgressIps.PerUser.Burst;
        for (var i = 0; i < burst; i++)
        {
            Assert.IsType<EgressIpOutcome.Shown>(await service.RequestAsync(Access(AdminTestDatabase.Ada, "ws-acme-staging"), "us-east-1"));
        }

        var refused = Assert.IsType<EgressIpOutcome.TooFast>(await service.RequestAsync(Access(AdminTestDatabase.Ada, "ws-acme-staging"), "us-east-1"));

        Assert.StartsWith("You are going a little fast", refused.Message);
        await using var db = database.CreateDbContext();
        Assert.Equal(burst, await db.EgressIpRequests.CountAsync());
    }

    [Fact]
    public async Task A_member_gets_the_regions_ips_and_the_request_is_recorded_and_audited()
    {
        var outcome = await service.RequestAsync(Access(AdminTestDatabase.Ada, "ws-acme-staging"), "us-east-1");

        var list = Assert.IsType<EgressIpOutcome.Shown>(outcome).List;
        Assert.Equal(["192.0.2.10", "192.0.2.11"], list.Ips);
        Assert.Equal("US East (N. Virginia)", list.RegionName);
        await using var db = database.CreateDbContext();
        var request = await db.EgressIpRequests.SingleAsync();
        Assert.Equal(("ws-acme-staging", "us-east-1", "ada", "Ada Lovelace", Now), (request.WorkspaceId, request.Region, request.RequestedById, request.RequestedByName, request.RequestedAt));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditActions.EgressIpsRequested, AuditOutcome.Succeeded, "ws-acme-staging", "ada", Now), (entry.Action, entry.Outcome, entry.WorkspaceId, entry.ActorId, entry.At));
        Assert.Contains("us-east-1", entry.Details);
    }

    [Theory]
    [InlineData("eu-central-1")] // disabled
    [InlineData("ap-south-1")] // unknown
    public async Task A_region_that_is_not_offered_is_refused_without_recording_a_request(string region)
    {
        var outcome = await service.RequestAsync(Access(AdminTestDatabase.Ada, "ws-acme"), region);

        var refused = Assert.IsType<EgressIpOutcome.RegionUnavailable>(outcome);
        Assert.Contains(region, refused.Message);
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.EgressIpRequests.ToListAsync());
    }

    [Fact]
    public void The_list_copies_one_address_per_line_and_downloads_as_csv()
    {
        var list = new EgressIpList("us-west-2", "US West (Oregon)", ["198.51.100.30", "198.51.100.0/24"], Now);

        Assert.Equal("198.51.100.30\n198.51.100.0/24", list.AsText());
        Assert.Equal("region,egress_ip\r\nus-west-2,198.51.100.30\r\nus-west-2,198.51.100.0/24\r\n", list.AsCsv());
        Assert.Equal("egress-ips-us-west-2.csv", list.FileName);
    }

    private static WorkspaceAccess Access(PortalUser user, string workspaceId) => WorkspaceAccess.Grant(user, workspaceId)!;
}
