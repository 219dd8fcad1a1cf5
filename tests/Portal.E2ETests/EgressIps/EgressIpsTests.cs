using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.EgressIps;

[Collection(BrowserCollection.Name)]
public sealed class EgressIpsTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Customer_gets_a_regions_egress_ips_and_support_sees_the_request_and_its_audit_entry()
    {
        await using (var ada = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            await ada.SignInAsync("ada", "/egress-ips");
            await Expect(ada.Page.GetByTestId("egress-guidance")).ToContainTextAsync("Only when one side is public.");
            await Expect(ada.Page.GetByTestId("egress-placeholder")).ToBeVisibleAsync();

            await SelectRegionAsync(ada.Page, "US East (N. Virginia) (us-east-1)");
            await ada.Page.GetByTestId("egress-show").ClickAsync();

            await Expect(ada.Page.GetByTestId("egress-ip-list")).ToHaveTextAsync("192.0.2.10\n192.0.2.11\n192.0.2.12");
            await ada.Page.GetByTestId("egress-copy-all").ClickAsync();
            // The copy runs on the server first; the button says so once the text is on the clipboard.
            await Expect(ada.Page.GetByTestId("egress-copy-all")).ToHaveAttributeAsync("data-copied", "true");
            Assert.Equal("192.0.2.10\n192.0.2.11\n192.0.2.12", await ada.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            var download = await ada.Page.RunAndWaitForDownloadAsync(() => ada.Page.GetByTestId("egress-download").ClickAsync());
            Assert.Equal("egress-ips-us-east-1.csv", download.SuggestedFilename);
            Assert.Equal("region,egress_ip\r\nus-east-1,192.0.2.10\r\nus-east-1,192.0.2.11\r\nus-east-1,192.0.2.12\r\n", await File.ReadAllTextAsync((await download.PathAsync())!));
            await ada.ScreenshotAsync("egress-ips");
            Assert.Empty(ada.ConsoleErrors);
        }

        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/egress-requests");
        var request = sam.Page.GetByTestId("egress-requests-grid").Locator("tbody tr").Filter(new() { HasText = "Ada Lovelace" });
        await Expect(request).ToContainTextAsync("ws-acme");
        await Expect(request).ToContainTextAsync("us-east-1");
        await sam.ScreenshotAsync("admin-egress-requests");

        await sam.GotoAsync("/admin/audit?action=egress-ips.request");
        var entry = sam.Page.GetByTestId("audit-grid").Locator("tbody tr").Filter(new() { HasText = "Ada Lovelace" });
        await Expect(entry).ToContainTextAsync("egress-ips.request");
        await Expect(entry).ToContainTextAsync("ws-acme");
        await Expect(entry).ToContainTextAsync("Succeeded");
        await sam.ScreenshotAsync("admin-audit-egress");
        Assert.Empty(sam.ConsoleErrors);
    }

    [Fact]
    public async Task Egress_page_reads_well_in_the_dark_theme()
    {
        await using var grace = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: true);
        await grace.SignInAsync("grace", "/egress-ips");

        await SelectRegionAsync(grace.Page, "Europe (Ireland) (eu-west-1)");
        await grace.Page.GetByTestId("egress-show").ClickAsync();

        await Expect(grace.Page.GetByTestId("egress-ip-list")).ToHaveTextAsync("203.0.113.40\n203.0.113.41\n203.0.113.42");
        await grace.ExpectDarkThemeAsync();
        await grace.ScreenshotAsync("egress-ips-dark");
        Assert.Empty(grace.ConsoleErrors);
    }

    [Fact]
    public async Task Support_staff_have_no_workspace_and_are_refused_the_customer_page()
    {
        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam");

        var response = await sam.Page.GotoAsync("/egress-ips");

        Assert.Equal(403, response!.Status);
        await Expect(sam.Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await sam.ScreenshotAsync("access-denied");
    }

    private static async Task SelectRegionAsync(IPage page, string option)
    {
        await page.GetByTestId("egress-region").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }
}
