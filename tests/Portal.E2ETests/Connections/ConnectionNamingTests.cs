using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Connections;

[Collection(BrowserCollection.Name)]
public sealed class ConnectionNamingTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task A_named_connection_shows_in_the_list_and_a_rename_on_its_page_reaches_the_list_and_the_admin_grid()
    {
        const string serviceName = "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000011";
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");
        var page = customer.Page;
        await ConnectionWizard.WalkToVerifyAsync(page, Region, serviceName);
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await page.GetByTestId("wizard-next").ClickAsync();

        // The wizard proposes a name from the region and service id; the customer writes their own.
        await Expect(page.GetByLabel("Connection name")).ToHaveValueAsync("us-east-1 vpce-svc-00000000000000011");
        await page.GetByLabel("Connection name").FillAsync("Orders DB (prod)");
        await page.GetByLabel("Description (optional)").FillAsync("Primary orders database, owned by the data team.");
        await customer.ScreenshotAsync("wizard-5-create-named");
        await page.GetByTestId("create-connection").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connections/[0-9a-f-]{36}$"));
        var detailPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.GetByTestId("connection-title")).ToHaveTextAsync("Orders DB (prod)");
        await Expect(page.GetByTestId("connection-description-text")).ToHaveTextAsync("Primary orders database, owned by the data team.");

        await customer.GotoAsync("/connections");
        await Expect(page.GetByTestId("connection-link")).ToHaveTextAsync("Orders DB (prod)");

        await customer.GotoAsync(detailPath);
        await page.GetByTestId("edit-details").ClickAsync();
        await page.GetByLabel("Connection name").FillAsync("Orders DB primary");
        await customer.ScreenshotAsync("detail-rename");
        await page.GetByTestId("save-details").ClickAsync();
        await Expect(page.GetByTestId("connection-title")).ToHaveTextAsync("Orders DB primary");
        await Expect(page).ToHaveTitleAsync("Orders DB primary · PrivateLink Portal");
        await Expect(page.GetByTestId("details-editor")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline-event").Filter(new() { HasText = "renamed the connection from \"Orders DB (prod)\" to \"Orders DB primary\"" })).ToHaveCountAsync(1);

        await customer.GotoAsync("/connections");
        await Expect(page.GetByTestId("connection-link")).ToHaveTextAsync("Orders DB primary");

        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/connections");
        await sam.Page.GetByLabel("Search").FillAsync("DB PRIMARY");
        var rows = sam.Page.GetByTestId("connections-grid").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("connection-link")).ToHaveTextAsync("Orders DB primary");
        await sam.ScreenshotAsync("admin-connections-by-name");

        await rows.First.GetByTestId("connection-link").ClickAsync();
        await Expect(sam.Page.GetByTestId("connection-title")).ToHaveTextAsync("Orders DB primary");
        await Expect(sam.Page.GetByTestId("support-audit")).ToContainTextAsync("connection.details");
        await Expect(sam.Page.GetByTestId("connectivity-help")).ToBeVisibleAsync();
        Assert.Empty(customer.ConsoleErrors);
        Assert.Empty(sam.ConsoleErrors);
    }

    [Fact]
    public async Task A_duplicate_name_is_explained_in_the_wizard_and_nothing_typed_is_lost()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        await ConnectionWizard.CreateAsync(customer, Region, "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000012", name: "Warehouse");
        await Expect(customer.Page.GetByTestId("connection-title")).ToHaveTextAsync("Warehouse");

        await customer.GotoAsync("/connections/new");
        var page = customer.Page;
        await ConnectionWizard.WalkToVerifyAsync(page, Region, "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000013");
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await page.GetByLabel("Description (optional)").FillAsync("Reporting replica");
        await page.GetByLabel("Connection name").FillAsync("  WAREHOUSE ");

        var taken = page.GetByTestId("connection-name-error");
        await Expect(taken).ToContainTextAsync("Another connection in this workspace is already called \"WAREHOUSE\".");
        // The server says the same when the customer creates anyway, and keeps them on the page with what they typed.
        await page.GetByTestId("create-connection").ClickAsync();
        await Expect(taken).ToContainTextAsync("already called \"WAREHOUSE\"");
        await Expect(page).ToHaveURLAsync(new Regex("/connections/new$"));
        await Expect(page.GetByLabel("Connection name")).ToHaveValueAsync("  WAREHOUSE ");
        await Expect(page.GetByLabel("Description (optional)")).ToHaveValueAsync("Reporting replica");
        await customer.ScreenshotAsync("wizard-5-create-name-taken");

        await page.GetByLabel("Connection name").FillAsync("Warehouse replica");
        await Expect(taken).ToHaveCountAsync(0);
        await page.GetByTestId("create-connection").ClickAsync();
        await Expect(page.GetByTestId("connection-title")).ToHaveTextAsync("Warehouse replica");
        await Expect(page.GetByTestId("connection-description-text")).ToHaveTextAsync("Reporting replica");
    }

    [Fact]
    public async Task Connectivity_help_and_names_render_in_both_themes()
    {
        foreach (var dark in new[] { false, true })
        {
            var theme = dark ? "dark" : "light";
            await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: dark);
            await customer.SignInAsync("ada", "/connections/new");
            // The simulator's service that needs no acceptance becomes available by itself; one per region and theme.
            var region = dark ? "eu-west-1" : Region;
            await ConnectionWizard.CreateAsync(customer, region, $"com.amazonaws.vpce.{region}.vpce-svc-00000000000000001", name: $"Analytics warehouse ({theme})");
            var page = customer.Page;
            await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = 20_000 });
            await page.GetByTestId("connector-port").FillAsync("5432");
            await Expect(page.GetByTestId("connector-address")).ToContainTextAsync(":5432");
            await page.GetByTestId("symptom-timeout").GetByText("It times out").ClickAsync();
            await Expect(page.GetByTestId("symptom-timeout")).ToContainTextAsync("security group of your targets");
            await customer.ScreenshotAsync($"detail-connectivity-help-{theme}");

            await page.GetByTestId("connector-address-copy").ClickAsync();
            await Expect(page.GetByTestId("connector-address-copy")).ToHaveAttributeAsync("data-copied", "true");

            await customer.GotoAsync("/connections");
            await Expect(page.GetByTestId("connection-link").Filter(new() { HasText = $"Analytics warehouse ({theme})" })).ToHaveCountAsync(1);
            await customer.ScreenshotAsync($"connections-list-named-{theme}");

            await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: dark);
            await sam.SignInAsync("sam", "/admin/connections");
            await Expect(sam.Page.GetByTestId("connection-link").Filter(new() { HasText = $"Analytics warehouse ({theme})" })).ToHaveCountAsync(1);
            await sam.ScreenshotAsync($"admin-connections-named-{theme}");
            await sam.GotoAsync("/admin/audit");
            await Expect(sam.Page.GetByTestId("audit-connection-name").First).ToBeVisibleAsync();
            await sam.ScreenshotAsync($"admin-audit-named-{theme}");
            Assert.Empty(customer.ConsoleErrors);
        }
    }
}
