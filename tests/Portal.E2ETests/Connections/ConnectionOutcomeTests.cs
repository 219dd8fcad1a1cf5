using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Connections;

/// <summary>
/// A portal that retries quickly and gives the service owner two hours to accept: long enough that the countdown is
/// always seen, however slow the machine; the expiry test then moves the deadline into the past instead of waiting.
/// </summary>
public sealed class OutcomePortalFixture() : PortalFixture(new Dictionary<string, string?>
{
    ["Provisioning:Reconciler:AcceptanceTimeout"] = "02:00:00",
    ["Provisioning:Worker:BaseBackoff"] = "00:00:00.500",
});

/// <summary>The statuses a connection ends in when things do not go to plan, as the customer sees them live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionOutcomeTests(BrowserFixture browser, OutcomePortalFixture portal) : IClassFixture<OutcomePortalFixture>
{
    [Fact]
    public async Task A_connection_the_owner_rejects_shows_rejected_with_what_to_do()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");
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
        await customer.SignInAsync("grace", "/connections/new");
        var path = await ConnectionWizard.CreateAsync(customer, "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0ddddddddddddddd1");
        await Expect(customer.Page.GetByTestId("acceptance-countdown")).ToContainTextAsync("Expires in", new() { Timeout = 20_000 });
        await customer.ExpectDarkThemeAsync();
        await customer.ScreenshotAsync("detail-pending-acceptance-dark");

        // Two hours pass: the deadline is now behind us and the reconciler looks at the connection on its next tick.
        await PassTheAcceptanceDeadlineAsync(Guid.Parse(path.Split('/').Last()));

        // The open page follows without a reload.
        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Expired", new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("guidance")).ToContainTextAsync("did not accept the connection within 2 hours");
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasText = "AWS is deleting endpoint" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Endpoint vpce-[0-9a-f]+ deleted\\.$") })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await customer.ScreenshotAsync("detail-expired-dark");
    }

    [Fact]
    public async Task A_throttled_creation_shows_retrying_with_the_reason_then_completes()
    {
        // vpce-svc-…429: the simulator answers RequestLimitExceeded to the first two create attempts.
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");
        await ConnectionWizard.CreateAsync(customer, "us-east-2", "com.amazonaws.vpce.us-east-2.vpce-svc-00000000000000429");

        await Expect(customer.Page.GetByTestId("retrying")).ToContainTextAsync("AWS is limiting how fast we can call it");
        await customer.ScreenshotAsync("detail-creating-retrying");
        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "PendingAcceptance", new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("timeline-event").Filter(new() { HasText = "did not go through" })).ToHaveCountAsync(2);
    }

    private async Task PassTheAcceptanceDeadlineAsync(Guid connectionId)
    {
        await using var db = await portal.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var past = DateTimeOffset.UtcNow.AddSeconds(-1);
        var updated = await db.Connections
            .Where(c => c.Id == connectionId && c.Status == ConnectionStatus.PendingAcceptance)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.AcceptanceDeadline, past).SetProperty(c => c.NextCheckAt, past));
        Assert.Equal(1, updated);
    }
}
