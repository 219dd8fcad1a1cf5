using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Connections;

/// <summary>A portal whose acceptance period lasts seconds, so expiry can be watched.</summary>
public sealed class ShortAcceptancePortalFixture() : PortalFixture(new Dictionary<string, string?>
{
    ["Provisioning:Reconciler:AcceptanceTimeout"] = "00:00:06",
    ["Provisioning:Worker:BaseBackoff"] = "00:00:00.500",
});

/// <summary>The statuses a connection ends in when things do not go to plan, as the customer sees them live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionOutcomeTests(BrowserFixture browser, ShortAcceptancePortalFixture portal) : IClassFixture<ShortAcceptancePortalFixture>
{
    [Fact]
    public async Task A_connection_the_owner_rejects_shows_rejected_with_what_to_do()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada");
        await ConnectionWizard.CreateAsync(customer, "us-west-2", "com.amazonaws.vpce.us-west-2.vpce-svc-0ccccccccccccccc1");
        await Expect(customer.Page.GetByTestId("sim-reject")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await customer.Page.GetByTestId("sim-reject").ClickAsync();

        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Rejected", new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("guidance")).ToContainTextAsync("cannot accept a rejected endpoint again");
        await customer.ScreenshotAsync("detail-rejected");
    }

    [Fact]
    public async Task A_connection_nobody_accepts_counts_down_then_expires_and_its_endpoint_is_deleted()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: true);
        await customer.SignInAsync("grace");
        await ConnectionWizard.CreateAsync(customer, "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0ddddddddddddddd1");
        await Expect(customer.Page.GetByTestId("acceptance-countdown")).ToContainTextAsync("Expires in", new() { Timeout = 20_000 });
        await customer.ScreenshotAsync("detail-pending-acceptance-dark");

        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Expired", new() { Timeout = 30_000 });

        await Expect(customer.Page.GetByTestId("guidance")).ToContainTextAsync("did not accept the connection within 6 seconds");
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasText = "AWS is deleting endpoint" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Endpoint vpce-[0-9a-f]+ deleted\\.$") })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await customer.ScreenshotAsync("detail-expired-dark");
    }

    [Fact]
    public async Task A_throttled_creation_shows_retrying_with_the_reason_then_completes()
    {
        // vpce-svc-…429: the simulator answers RequestLimitExceeded to the first two create attempts.
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada");
        await ConnectionWizard.CreateAsync(customer, "us-east-2", "com.amazonaws.vpce.us-east-2.vpce-svc-00000000000000429");

        await Expect(customer.Page.GetByTestId("retrying")).ToContainTextAsync("AWS is limiting how fast we can call it");
        await customer.ScreenshotAsync("detail-creating-retrying");
        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "PendingAcceptance", new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasText = "did not go through" })).ToHaveCountAsync(2);
    }
}
