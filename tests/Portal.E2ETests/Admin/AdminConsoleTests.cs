using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Admin;

[Collection(BrowserCollection.Name)]
public sealed class AdminConsoleTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    // A customer's 403 on every admin URL is checked over HTTP: Portal.IntegrationTests, Http/AccessDeniedTests.

    [Fact]
    public async Task Support_adds_an_egress_ip_a_bad_value_is_explained_and_not_saved_a_good_one_is_saved_and_audited()
    {
        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/regions");
        await sam.ScreenshotAsync("admin-regions");
        await sam.Page.GetByTestId("edit-us-west-2").ClickAsync();
        var egress = sam.Page.GetByLabel("Egress IPs");
        await Expect(egress).ToHaveValueAsync("198.51.100.30\n198.51.100.31");

        await egress.FillAsync("198.51.100.30\n198.51.100.31\n198.51.100.320");
        await egress.BlurAsync();
        await Expect(sam.Page.GetByText("\"198.51.100.320\" is not an IPv4 address: 320 is more than 255.")).ToBeVisibleAsync();
        await sam.Page.GetByTestId("region-save").ClickAsync();
        await Expect(sam.Page.GetByTestId("region-form-errors")).ToContainTextAsync("Nothing was saved");
        await sam.ScreenshotAsync("admin-region-edit-invalid");
        Assert.Equal(["198.51.100.30", "198.51.100.31"], await EgressIpsInDatabaseAsync("us-west-2"));

        await egress.FillAsync("198.51.100.30\n198.51.100.31\n198.51.100.32");
        await sam.Page.GetByTestId("region-save").ClickAsync();
        await Expect(sam.Page.GetByText("Saved the settings of us-west-2.")).ToBeVisibleAsync();
        Assert.Equal(["198.51.100.30", "198.51.100.31", "198.51.100.32"], await EgressIpsInDatabaseAsync("us-west-2"));

        await sam.GotoAsync("/admin/audit?action=region.update");
        var entry = sam.Page.GetByTestId("audit-grid").Locator("tbody tr").First;
        await Expect(entry).ToContainTextAsync("Sam Support");
        await Expect(entry.GetByTestId("audit-details")).ToHaveTextAsync(
            "{\"region\":\"us-west-2\",\"changes\":{\"egressIps\":{\"old\":[\"198.51.100.30\",\"198.51.100.31\"],\"new\":[\"198.51.100.30\",\"198.51.100.31\",\"198.51.100.32\"]}}}");
        await sam.ScreenshotAsync("admin-audit");

        var export = await sam.Page.RunAndWaitForDownloadAsync(() => sam.Page.GetByTestId("audit-export").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await export.PathAsync())!);
        Assert.Equal("at_utc,actor_id,actor_name,action,outcome,workspace_id,connection_id,connection_name,client_address,details", csv[0]);
        Assert.Single(csv.Skip(1), line => line.Contains("region.update") && line.Contains("198.51.100.32"));
        await Expect(sam.Page.GetByText("Exported 1 entry.")).ToBeVisibleAsync();
        Assert.Empty(sam.ConsoleErrors);
    }

    [Fact]
    public async Task The_all_connections_grid_finds_a_connection_by_its_endpoint_id()
    {
        var wanted = await AddConnectionsAsync();
        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/connections");
        var rows = sam.Page.GetByTestId("connections-grid").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await sam.ScreenshotAsync("admin-connections");

        await sam.Page.GetByLabel("Search").FillAsync(wanted.EndpointId!);

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("endpoint-id")).ToHaveTextAsync(wanted.EndpointId!);
        await Expect(rows.First.GetByTestId("connection-link")).ToHaveAttributeAsync("href", $"/admin/connections/{wanted.Id}");
        await Expect(sam.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={wanted.EndpointId}"));
        await sam.ScreenshotAsync("admin-connections-search");

        await sam.Page.GetByLabel("Search").FillAsync("no-such-connection");
        await Expect(sam.Page.GetByTestId("connections-empty")).ToBeVisibleAsync();
        Assert.Empty(sam.ConsoleErrors);
    }

    [Fact]
    public async Task The_all_connections_grid_is_searched_and_a_connection_opened_with_the_keyboard_alone()
    {
        var wanted = await AddConnectionsAsync();
        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/connections");
        var page = sam.Page;
        var rows = page.GetByTestId("connections-grid").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(6);

        // From the top of the page, Tab reaches the search field (past the app bar and the menu); typing filters the grid.
        await KeyboardNavigation.TabUntilFocusedAsync(page, page.GetByLabel("Search"), maxPresses: 30);
        await page.Keyboard.TypeAsync(wanted.EndpointId!);
        await Expect(rows).ToHaveCountAsync(1);

        // On through the other filters into the grid: the row's link is a tab stop, shows focus, and Enter opens it.
        var link = rows.First.GetByTestId("connection-link");
        await KeyboardNavigation.TabUntilFocusedAsync(page, link, maxPresses: 20);
        Assert.NotEqual("none", await KeyboardNavigation.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/connections/{wanted.Id}$"));
        await Expect(page.GetByTestId("connection-title")).ToHaveTextAsync(wanted.ServiceName.Value);
        await sam.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task Every_admin_page_renders_for_support_in_both_themes()
    {
        await AddConnectionsAsync();
        await using (var light = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            await light.SignInAsync("sam", "/admin");
            await Expect(light.Page.GetByTestId("status-counts")).ToBeVisibleAsync();
            await light.ScreenshotAsync("admin-home");
            await light.GotoAsync("/admin/regions/eu-central-1");
            await Expect(light.Page.GetByLabel("Principal ARN")).ToHaveValueAsync("arn:aws:iam::111122223333:root");
            await light.ScreenshotAsync("admin-region-edit");
            Assert.Empty(light.ConsoleErrors);

            // A connection id that does not exist: the support detail page says so.
            await light.GotoAsync($"/admin/connections/{Guid.NewGuid()}");
            await Expect(light.Page.GetByTestId("support-connection-not-found")).ToBeVisibleAsync();
            await light.GotoAsync("/admin/no-such-page");
            await Expect(light.Page.GetByText("Page not found")).ToBeVisibleAsync();
        }

        await using var dark = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: true);
        foreach (var (path, name) in new[] { ("/admin", "admin-home-dark"), ("/admin/connections", "admin-connections-dark"), ("/admin/regions", "admin-regions-dark"), ("/admin/audit", "admin-audit-dark"), ("/admin/egress-requests", "admin-egress-requests-dark") })
        {
            if (name == "admin-home-dark")
            {
                await dark.SignInAsync("sam", path);
            }
            else
            {
                await dark.GotoAsync(path);
            }
            await Expect(dark.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await dark.ExpectDarkThemeAsync();
            await dark.ScreenshotAsync(name);
        }
        Assert.Empty(dark.ConsoleErrors);
    }

    /// <summary>Six connections in two workspaces, once per fixture; returns one with an endpoint id to look for.</summary>
    private async Task<Connection> AddConnectionsAsync()
    {
        var factory = portal.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var existing = await db.Connections.FirstOrDefaultAsync(c => c.EndpointId == "vpce-0e2e0000000000003");
        if (existing is not null)
        {
            return existing;
        }
        var start = DateTimeOffset.UtcNow.AddHours(-6);
        (string Workspace, string Region, ConnectionStatus Status, string? EndpointId)[] rows =
        [
            ("ws-acme", "us-east-1", ConnectionStatus.Available, "vpce-0e2e0000000000001"),
            ("ws-acme", "us-east-1", ConnectionStatus.PendingAcceptance, "vpce-0e2e0000000000002"),
            ("ws-acme", "eu-west-1", ConnectionStatus.Available, "vpce-0e2e0000000000003"),
            ("ws-globex", "us-west-2", ConnectionStatus.Failed, null),
            ("ws-globex", "eu-central-1", ConnectionStatus.Creating, null),
            ("ws-globex", "us-east-2", ConnectionStatus.Rejected, "vpce-0e2e0000000000006"),
        ];
        var connections = rows.Select((row, i) => ConnectionSeeds.InStatus(row.Status, row.Workspace,
            $"com.amazonaws.vpce.{row.Region}.vpce-svc-0e2e00000000000{i:D2}", row.EndpointId ?? "vpce-0e2e0000000000000",
            start.AddMinutes(i * 20), row.Workspace == "ws-acme" ? "Ada Lovelace" : "Grace Hopper")).ToList();
        db.Connections.AddRange(connections);
        await db.SaveChangesAsync();
        return connections[2];
    }

    private async Task<List<string>> EgressIpsInDatabaseAsync(string region)
    {
        await using var db = await portal.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.RegionSettings.AsNoTracking().SingleAsync(r => r.Code == region)).EgressIps;
    }
}
