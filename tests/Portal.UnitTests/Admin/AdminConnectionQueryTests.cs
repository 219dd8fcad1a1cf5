using Portal.Web.Features.Admin;
using Portal.Web.Features.Admin.ConnectionGrid;
using Portal.Web.Features.Connections;

namespace Portal.UnitTests.Admin;

public sealed class AdminConnectionQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PageRequest FirstPage = new(0, 25);

    private AdminTestDatabase database = default!;
    private AdminConnectionQuery query = default!;
    private readonly List<Connection> connections = [];

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        query = new AdminConnectionQuery(database);
        connections.Add(await database.AddConnectionAsync("ws-acme", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", ConnectionStatus.Available, "vpce-0aaaaaaaaaaaaaaa1", Start));
        connections.Add(await database.AddConnectionAsync("ws-acme", "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d", ConnectionStatus.Failed, null, Start.AddHours(1), name: "Billing Warehouse (EU)"));
        connections.Add(await database.AddConnectionAsync("ws-globex", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210", ConnectionStatus.PendingAcceptance, "vpce-0bbbbbbbbbbbbbbb2", Start.AddHours(2)));
        connections.Add(await database.AddConnectionAsync("ws-globex", "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0d0d0d0d", ConnectionStatus.Available, "vpce-0ccccccc", Start.AddHours(3)));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_customer_cannot_search_all_connections()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => query.SearchAsync(AdminTestDatabase.Ada, new(), AdminConnectionSort.Newest, FirstPage));
    }

    [Fact]
    public async Task Without_filters_support_sees_every_workspace_newest_first()
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(), AdminConnectionSort.Newest, FirstPage);

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(connections.Select(c => c.Id).Reverse(), page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Status_region_and_workspace_filters_combine()
    {
        var byStatusAndRegion = await query.SearchAsync(AdminTestDatabase.Support, new(Status: ConnectionStatus.Available, Region: "eu-west-1"), AdminConnectionSort.Newest, FirstPage);
        var byWorkspace = await query.SearchAsync(AdminTestDatabase.Support, new(WorkspaceId: "ws-acme"), AdminConnectionSort.Newest, FirstPage);

        Assert.Equal([connections[3].Id], byStatusAndRegion.Items.Select(r => r.Id));
        Assert.Equal(2, byWorkspace.TotalCount);
        Assert.All(byWorkspace.Items, r => Assert.Equal("ws-acme", r.WorkspaceId));
    }

    [Theory]
    [InlineData("warehouse")]
    [InlineData("BILLING wARE")]
    [InlineData("(eu)")]
    public async Task Search_finds_a_connection_by_part_of_its_name_ignoring_case(string term)
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(Search: term), AdminConnectionSort.Newest, FirstPage);

        var row = Assert.Single(page.Items);
        Assert.Equal((connections[1].Id, "Billing Warehouse (EU)"), (row.Id, row.Name));
    }

    [Fact]
    public async Task Rows_sort_by_name_ignoring_case()
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(), new AdminConnectionSort(AdminConnectionSortColumn.Name, Descending: false), FirstPage);

        Assert.Equal(page.Items.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase), page.Items.Select(r => r.Name));
        Assert.Equal("Billing Warehouse (EU)", page.Items[0].Name);
    }

    [Theory]
    [InlineData("vpce-0bbbbbbbbbbbbbbb2", 2)] // full endpoint id: exact
    [InlineData("VPCE-0CCCCCCC", 3)] // case does not matter
    [InlineData("vpce-0aaa", 0)] // start of an endpoint id
    [InlineData("vpce-svc-0a1b2c3d", 1)] // part of a service name
    [InlineData("eu-west-1.vpce-svc-0d0d", 3)]
    public async Task Search_finds_a_connection_by_endpoint_id_or_service_name(string term, int expected)
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(Search: term), AdminConnectionSort.Newest, FirstPage);

        Assert.Equal([connections[expected].Id], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_finds_a_connection_by_its_full_id_or_the_start_of_it()
    {
        var id = connections[1].Id.ToString();

        var full = await query.SearchAsync(AdminTestDatabase.Support, new(Search: id.ToUpperInvariant()), AdminConnectionSort.Newest, FirstPage);
        var prefix = await query.SearchAsync(AdminTestDatabase.Support, new(Search: id[..13]), AdminConnectionSort.Newest, FirstPage);

        Assert.Equal([connections[1].Id], full.Items.Select(r => r.Id));
        Assert.Contains(connections[1].Id, prefix.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_returns_an_empty_page()
    {
        var page = await query.SearchAsync(AdminTestDatabase.Support, new(Search: "nothing-like-this"), AdminConnectionSort.Newest, FirstPage);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Sorting_and_paging_run_in_the_database_with_a_stable_order()
    {
        var byWorkspace = new AdminConnectionSort(AdminConnectionSortColumn.Workspace, Descending: false);

        var first = await query.SearchAsync(AdminTestDatabase.Support, new(), byWorkspace, new PageRequest(0, 3));
        var second = await query.SearchAsync(AdminTestDatabase.Support, new(), byWorkspace, new PageRequest(1, 3));

        Assert.Equal(4, first.TotalCount);
        Assert.Equal(["ws-acme", "ws-acme", "ws-globex"], first.Items.Select(r => r.WorkspaceId));
        Assert.Equal(["ws-globex"], second.Items.Select(r => r.WorkspaceId));
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
    }

    [Fact]
    public void A_crafted_page_request_is_clamped()
    {
        var page = new PageRequest(-3, 1_000_000);

        Assert.Equal(0, page.Page);
        Assert.Equal(PageRequest.MaxPageSize, page.PageSize);
    }
}
