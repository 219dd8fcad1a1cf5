using Portal.Web.Features.Admin;
using Portal.Web.Features.Admin.EgressRequests;
using Portal.Web.Features.EgressIps;

namespace Portal.UnitTests.Admin;

public sealed class AdminEgressRequestQueryTests : IAsyncLifetime
{
    private AdminTestDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using var db = database.CreateDbContext();
        for (var i = 0; i < 30; i++)
        {
            db.EgressIpRequests.Add(new EgressIpRequest
            {
                WorkspaceId = i % 3 == 0 ? "ws-globex" : "ws-acme",
                Region = "us-east-1",
                RequestedById = "u",
                RequestedByName = $"Request {i}",
                RequestedAt = at.AddMinutes(i),
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_customer_cannot_list_egress_ip_requests() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => new AdminEgressRequestQuery(database).SearchAsync(AdminTestDatabase.Ada, null, new PageRequest(0, 10)));

    [Fact]
    public async Task Requests_are_listed_newest_first_a_page_at_a_time()
    {
        var query = new AdminEgressRequestQuery(database);

        var first = await query.SearchAsync(AdminTestDatabase.Support, null, new PageRequest(0, 10));
        var last = await query.SearchAsync(AdminTestDatabase.Support, null, new PageRequest(2, 10));

        Assert.Equal(30, first.TotalCount);
        Assert.Equal("Request 29", first.Items[0].RequestedByName);
        Assert.Equal("Request 0", last.Items[^1].RequestedByName);
    }

    [Fact]
    public async Task Requests_can_be_narrowed_to_one_workspace()
    {
        var page = await new AdminEgressRequestQuery(database).SearchAsync(AdminTestDatabase.Support, "ws-globex", new PageRequest(0, 25));

        Assert.Equal(10, page.TotalCount);
        Assert.All(page.Items, r => Assert.Equal("ws-globex", r.WorkspaceId));
    }
}
