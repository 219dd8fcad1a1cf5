using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Admin;

[Collection(BrowserCollection.Name)]
public sealed class SupportConnectionTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Support_reads_a_failed_connection_with_its_aws_error_and_audit_then_retries_and_deletes_it()
    {
        // vpce-svc-…500: the simulator refuses creation permanently (endpoint quota reached).
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        var path = await ConnectionWizard.CreateAsync(customer, "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-00000000000000500");
        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Failed", new() { Timeout = 20_000 });
        await Expect(customer.Page.GetByTestId("failure-reason")).ToContainTextAsync("quota");
        await Expect(customer.Page.GetByText("VpcEndpointLimitExceeded")).ToHaveCountAsync(0);
        await customer.ScreenshotAsync("detail-failed");

        await using var support = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await support.SignInAsync("sam", "/admin" + path);
        var page = support.Page;
        await Expect(page.GetByTestId("support-workspace")).ToHaveTextAsync("ws-globex");
        await Expect(page.GetByTestId("support-last-error")).ToContainTextAsync("VpcEndpointLimitExceeded");
        await Expect(page.GetByTestId("timeline-event").First).ToContainTextAsync("quota");
        await Expect(page.GetByTestId("support-audit")).ToContainTextAsync("connection.create");
        // The customer's own actions are recorded with the address they came from.
        await Expect(page.GetByTestId("audit-client").First).ToHaveTextAsync("127.0.0.1");
        await support.ScreenshotAsync("admin-connection-failed");

        await page.GetByTestId("support-retry").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, do it" }).ClickAsync();
        await Expect(page.GetByTestId("support-audit")).ToContainTextAsync("connection.retry");
        await Expect(page.GetByTestId("timeline-event").Filter(new() { HasText = "(support) retried the creation" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Failed", new() { Timeout = 20_000 });

        await page.GetByTestId("support-delete").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, do it" }).ClickAsync();
        await Expect(page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Deleted", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("support-audit")).ToContainTextAsync("connection.delete");
        await support.ScreenshotAsync("admin-connection-deleted");

        // The customer's open page followed along without a reload.
        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Deleted");
        Assert.Empty(support.ConsoleErrors);
    }

    [Fact]
    public async Task A_customer_cannot_open_the_support_view_of_their_own_connection()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");
        var path = await ConnectionWizard.CreateAsync(customer, "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0aaaaaaaaaaaaaaa1");

        var response = await customer.Page.GotoAsync("/admin" + path);

        Assert.Equal(403, response!.Status);
        await Expect(customer.Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(customer.Page.GetByTestId("support-internals")).ToHaveCountAsync(0);
    }
}
