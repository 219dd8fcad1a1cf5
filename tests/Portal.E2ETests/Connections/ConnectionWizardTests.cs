using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Connections;

[Collection(BrowserCollection.Name)]
public sealed class ConnectionWizardTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task Customer_creates_a_connection_follows_it_to_available_copies_the_dns_name_and_deletes_it()
    {
        const string serviceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60789";
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");
        var page = customer.Page;

        await Expect(page.GetByTestId("wizard-Region")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("wizard-next")).ToBeDisabledAsync();
        await customer.ScreenshotAsync("wizard-1-region");
        await ConnectionWizard.ChooseRegionAsync(page, Region);
        await page.GetByTestId("wizard-next").ClickAsync();

        await page.GetByLabel("Endpoint service name").FillAsync("  " + serviceName.ToUpperInvariant() + " ");
        await Expect(page.GetByTestId("service-name-note")).ToContainTextAsync("We removed surrounding spaces and changed capitals to lower case.");
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await customer.ScreenshotAsync("wizard-2-service-name");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(page.GetByTestId("principal-arn")).ToContainTextAsync("arn:aws:iam::111122223333:root");
        await Expect(page.GetByTestId("principal-arn-copy")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "AWS CLI" }).ClickAsync();
        await Expect(page.GetByTestId("cli-command")).ToContainTextAsync("--service-id vpce-svc-0a1b2c3d4e5f60789");
        await Expect(page.GetByTestId("cli-command")).ToContainTextAsync("--add-allowed-principals arn:aws:iam::111122223333:root");
        await customer.ScreenshotAsync("wizard-3-grant-access-cli");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Terraform" }).ClickAsync();
        await Expect(page.GetByTestId("terraform")).ToContainTextAsync("aws_vpc_endpoint_service_allowed_principal");
        await customer.ScreenshotAsync("wizard-3-grant-access-terraform");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(page.GetByTestId("wizard-next")).ToBeDisabledAsync();
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToContainTextAsync("us-east-1a");
        await Expect(page.GetByTestId("acceptance")).ToContainTextAsync("Required");
        await customer.ScreenshotAsync("wizard-4-verify");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(page.GetByTestId("wizard-Create")).ToBeVisibleAsync();
        await customer.ScreenshotAsync("wizard-5-create");
        // A double click creates one connection: the button disables itself and the server dedupes the request id.
        await page.GetByTestId("create-connection").DblClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connections/[0-9a-f-]{36}$"));
        var detailUrl = page.Url;
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "PendingAcceptance", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("accept-command")).ToContainTextAsync("aws ec2 accept-vpc-endpoint-connections");
        await Expect(page.GetByTestId("acceptance-countdown")).ToContainTextAsync("Expires in");
        // Screen readers hear each status as it arrives, through a polite live region that stays in the page.
        var announcement = page.GetByTestId("status-announcement");
        await Expect(announcement).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(announcement).ToHaveTextAsync("Connection status: Pending acceptance");
        await customer.ScreenshotAsync("detail-pending-acceptance");

        // The service owner accepts from another browser; this page is not reloaded.
        await using (var owner = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            await owner.SignInAsync("ada", new Uri(detailUrl).AbsolutePath);
            await owner.Page.GetByTestId("sim-accept").ClickAsync();
            // The panel (and its confirmation) goes away as soon as the owner's own page sees the endpoint leave
            // pending acceptance, which may come first: wait for that instead.
            await Expect(owner.Page.GetByTestId("status-chip").First).Not.ToHaveAttributeAsync("data-status", "PendingAcceptance");
        }
        // Pending lasts a few seconds in the simulation: a loaded machine may render Available before the check looks.
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", new Regex("^(Pending|Available)$"), new() { Timeout = 20_000 });
        await customer.ScreenshotAsync("detail-pending");
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = 20_000 });
        await Expect(announcement).ToHaveTextAsync("Connection status: Available");
        await customer.ScreenshotAsync("detail-available");

        await page.GetByTestId("primary-dns-copy").ClickAsync();
        await Expect(page.GetByTestId("primary-dns-copy")).ToHaveAttributeAsync("data-copied", "true");
        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Matches(@"^vpce-[0-9a-f]{17}-[0-9a-z]+\.vpce-svc-0a1b2c3d4e5f60789\.us-east-1\.vpce\.amazonaws\.com$", copied);
        await Expect(page.GetByTestId("timeline-event").First).ToContainTextAsync("available");

        await page.GetByTestId("delete-connection").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete connection" }).ClickAsync();
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", new Regex("Deleting|Deleted"));
        await customer.ScreenshotAsync("detail-deleting");
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Deleted", new() { Timeout = 20_000 });
        await customer.ScreenshotAsync("detail-deleted");

        await customer.GotoAsync("/connections");
        await Expect(page.GetByTestId("connections-empty")).ToBeVisibleAsync();
        Assert.Empty(customer.ConsoleErrors);
    }

    /// <summary>
    /// One representative bad name: each message is unit-tested (Portal.UnitTests/ServiceNames); this proves a message
    /// reaches the page and blocks the next step. The region mismatch needs the region chosen in the step before.
    /// </summary>
    [Fact]
    public async Task A_bad_service_name_gets_its_specific_message_and_blocks_the_next_step()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        await ConnectionWizard.ChooseRegionAsync(customer.Page, Region);
        await customer.Page.GetByTestId("wizard-next").ClickAsync();

        await customer.Page.GetByLabel("Endpoint service name").FillAsync("com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60789");

        await Expect(customer.Page.GetByText("This service is in eu-west-1, but you chose us-east-1").First).ToBeVisibleAsync();
        await Expect(customer.Page.GetByTestId("wizard-next")).ToBeDisabledAsync();
        await customer.ScreenshotAsync("wizard-2-region-mismatch");
    }

    [Fact]
    public async Task Verify_explains_the_three_causes_when_aws_cannot_see_the_service()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        var page = customer.Page;
        await ConnectionWizard.WalkToVerifyAsync(page, Region, "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000404");

        await page.GetByTestId("verify-button").ClickAsync();

        var failure = page.GetByTestId("verify-failure");
        await Expect(failure).ToHaveAttributeAsync("data-kind", "ServiceNotFoundOrNotAllowlisted");
        await Expect(failure.Locator("li")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("wizard-next")).ToBeDisabledAsync();
        await customer.ScreenshotAsync("wizard-4-verify-not-found");
    }

    [Fact]
    public async Task Another_workspace_gets_not_found_for_a_connection_url()
    {
        await using var ada = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await ada.SignInAsync("ada", "/connections/new");
        var path = await ConnectionWizard.CreateAsync(ada, Region, "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210");

        await using var grace = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await grace.SignInAsync("grace", path);

        await Expect(grace.Page.GetByTestId("connection-not-found")).ToBeVisibleAsync();
        await Expect(grace.Page.GetByText("vpce-svc-0fedcba9876543210")).ToHaveCountAsync(0);
        await grace.ScreenshotAsync("detail-not-found-other-workspace");
    }

    [Fact]
    public async Task Wizard_and_detail_render_in_the_dark_theme()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: true);
        await customer.SignInAsync("ada", "/connections/new");
        await ConnectionWizard.ChooseRegionAsync(customer.Page, "eu-west-1");
        await customer.ExpectDarkThemeAsync();
        await customer.ScreenshotAsync("wizard-1-region-dark");
        await customer.Page.GetByTestId("wizard-next").ClickAsync();
        await customer.Page.GetByLabel("Endpoint service name").FillAsync("com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000001");
        await Expect(customer.Page.GetByText("This service is in us-east-1, but you chose eu-west-1.")).ToBeVisibleAsync();
        await customer.ScreenshotAsync("wizard-2-service-name-error-dark");
        await customer.Page.GetByLabel("Endpoint service name").FillAsync("com.amazonaws.vpce.eu-west-1.vpce-svc-00000000000000001");
        await Expect(customer.Page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await customer.Page.GetByTestId("wizard-next").ClickAsync();
        await Expect(customer.Page.GetByTestId("wizard-GrantAccess")).ToBeVisibleAsync();
        await customer.ScreenshotAsync("wizard-3-grant-access-dark");
        await customer.Page.GetByTestId("wizard-next").ClickAsync();
        await customer.Page.GetByTestId("verify-button").ClickAsync();
        await Expect(customer.Page.GetByTestId("acceptance")).ToContainTextAsync("Not required");
        await customer.ScreenshotAsync("wizard-4-verify-dark");
        await customer.Page.GetByTestId("wizard-next").ClickAsync();
        await Expect(customer.Page.GetByTestId("wizard-Create")).ToBeVisibleAsync();
        await customer.ScreenshotAsync("wizard-5-create-dark");
        await customer.Page.GetByTestId("create-connection").ClickAsync();

        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = 20_000 });
        await customer.ExpectDarkThemeAsync();
        await customer.ScreenshotAsync("detail-available-dark");
        await customer.GotoAsync("/connections");
        await Expect(customer.Page.GetByTestId("connection-link").Filter(new() { HasText = "vpce-svc-00000000000000001" })).ToHaveCountAsync(1);
        await customer.ScreenshotAsync("connections-list-dark");
    }
}
