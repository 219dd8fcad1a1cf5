using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Tests.Shared;
using Portal.Web.Features.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Notifications;

/// <summary>A portal whose webhooks may target loopback (the test's receiver) and whose dispatcher polls often.</summary>
public sealed class NotificationsPortalFixture() : PortalFixture(new Dictionary<string, string?>
{
    ["Notifications:Webhooks:AllowLoopback"] = "true",
    ["Notifications:PollInterval"] = "00:00:00.200",
    ["Notifications:BaseBackoff"] = "00:00:00.200",
});

[Collection(BrowserCollection.Name)]
public sealed class NotificationsTests(BrowserFixture browser, NotificationsPortalFixture portal) : IClassFixture<NotificationsPortalFixture>
{
    [Fact]
    public async Task Customer_adds_a_webhook_sends_a_test_and_sees_it_delivered_and_support_sees_it_too()
    {
        await using var receiver = new WebhookReceiver(500);
        await using (var ada = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            await ada.SignInAsync("ada", "/notifications");
            await Expect(ada.Page.GetByTestId("subscriptions-empty")).ToBeVisibleAsync();
            await Expect(ada.Page.GetByTestId("delivery-log-empty")).ToBeVisibleAsync();
            // No mail server in this portal: the e-mail channel says why it is off.
            await Expect(ada.Page.GetByTestId("email-unavailable")).ToBeVisibleAsync();
            await ada.ScreenshotAsync("notifications-empty");

            // The server refuses what the form lets through: internal addresses.
            await ada.Page.GetByTestId("subscription-target-input").FillAsync("https://169.254.169.254/latest/meta-data/");
            await ada.Page.GetByTestId("subscription-add").ClickAsync();
            await Expect(ada.Page.GetByText("private, link-local and metadata addresses are refused")).ToBeVisibleAsync();

            await ada.Page.GetByTestId("subscription-target-input").FillAsync(receiver.Url);
            await ada.Page.GetByTestId("subscription-add").ClickAsync();
            await Expect(ada.Page.GetByTestId("new-secret")).ToBeVisibleAsync();
            var secret = await ada.Page.GetByTestId("new-secret-value").Locator("code").InnerTextAsync();
            await Expect(ada.Page.GetByTestId("subscription-target")).ToHaveTextAsync(receiver.Url);

            await ada.Page.GetByTestId("subscription-test").ClickAsync();

            // The receiver answers 500 first: the log shows the retry, then the delivery, without reloading the page.
            var row = ada.Page.GetByTestId("delivery-log").Locator("tbody tr").Filter(new() { HasText = "Test notification" });
            await Expect(row.GetByTestId("delivery-status")).ToHaveTextAsync("Delivered", new() { Timeout = 30_000 });
            await Expect(row.GetByTestId("delivery-attempts")).ToHaveTextAsync("2");
            Assert.Equal(2, receiver.Received.Count);
            Assert.All(receiver.Received, request =>
                Assert.True(WebhookSignature.Verify(secret, request.Timestamp, request.Body, request.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));

            await ada.Page.GetByTestId("subscription-reveal").ClickAsync();
            await Expect(ada.Page.GetByTestId("subscription-secret").Locator("code")).ToHaveTextAsync(secret);

            // A connection requested elsewhere (another tab, the API) moves on: its notifications appear in the open log.
            await CreateConnectionAsync("ws-acme", "com.amazonaws.vpce.us-east-1.vpce-svc-0b0b0b0b0b0b0b0b1", "Live log");
            var statusRow = ada.Page.GetByTestId("delivery-log").Locator("tbody tr").Filter(new() { HasText = "vpce-svc-0b0b0b0b0b0b0b0b1 is now" });
            await Expect(statusRow.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await ada.ScreenshotAsync("notifications");

            // What the webhook hears about can be changed later, in its row; nothing at all cannot be saved.
            var subscriptionRow = ada.Page.GetByTestId("subscriptions").Locator("tbody tr").Filter(new() { HasText = receiver.Url });
            await subscriptionRow.GetByTestId("subscription-edit-topics").ClickAsync();
            var editor = subscriptionRow.GetByTestId("topics-editor");
            await editor.GetByTestId("edit-topic-StatusChanges").UncheckAsync();
            await editor.GetByTestId("edit-topic-ExpiryReminders").UncheckAsync();
            await Expect(editor.GetByTestId("topics-save")).ToBeDisabledAsync();
            await Expect(editor.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose at least one.");
            await editor.GetByTestId("edit-topic-Failures").CheckAsync();
            await ada.ScreenshotAsync("notifications-edit-topics");
            await editor.GetByTestId("topics-save").ClickAsync();
            await Expect(editor).ToHaveCountAsync(0);
            await Expect(subscriptionRow).ToContainTextAsync("Failures");
            await Expect(subscriptionRow).Not.ToContainTextAsync("Every status change");
            await Expect(ada.Page.GetByText($"{receiver.Url} now gets: Failures.")).ToBeVisibleAsync();
            Assert.Empty(ada.ConsoleErrors);
        }

        await using var sam = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await sam.SignInAsync("sam", "/admin/notifications");
        await Expect(sam.Page.GetByTestId("subscriptions").Locator("tbody tr").Filter(new() { HasText = receiver.Url })).ToContainTextAsync("ws-acme");
        await Expect(sam.Page.GetByTestId("delivery-log").Locator("tbody tr").Filter(new() { HasText = receiver.Url }).Filter(new() { HasText = "Test" })).ToContainTextAsync("Delivered");
        await sam.ScreenshotAsync("admin-notifications");
        Assert.Empty(sam.ConsoleErrors);
    }

    private async Task CreateConnectionAsync(string workspaceId, string serviceName, string name)
    {
        await using var scope = portal.Host.Services.CreateAsyncScope();
        var ada = DemoIdentities.Find("ada")!;
        var access = WorkspaceAccess.Grant(new PortalUser($"demo-{ada.Key}", ada.Name, ada.Email, ada.Workspaces, false), workspaceId)!;
        var outcome = await scope.ServiceProvider.GetRequiredService<ConnectionService>()
            .CreateAsync(access, new CreateConnectionRequest("us-east-1", serviceName, Guid.NewGuid(), name));
        Assert.NotNull(outcome.ConnectionId);
    }

    [Fact]
    public async Task Notifications_page_reads_well_in_the_dark_theme_empty_and_with_a_failed_delivery()
    {
        await using var receiver = new WebhookReceiver(410);
        await using var grace = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: true);
        await grace.SignInAsync("grace", "/notifications");
        await Expect(grace.Page.GetByTestId("subscriptions-empty")).ToBeVisibleAsync();
        await grace.ExpectDarkThemeAsync();
        await grace.ScreenshotAsync("notifications-empty-dark");

        await grace.Page.GetByTestId("subscription-target-input").FillAsync(receiver.Url);
        await grace.Page.GetByTestId("subscription-add").ClickAsync();
        await grace.Page.GetByTestId("subscription-test").ClickAsync();
        var row = grace.Page.GetByTestId("delivery-log").Locator("tbody tr").Filter(new() { HasText = "Test notification" });
        await Expect(row.GetByTestId("delivery-status")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Expect(row.GetByTestId("delivery-error")).ToHaveTextAsync("The receiver answered 410 Gone.");
        await grace.ScreenshotAsync("notifications-dark");
        Assert.Empty(grace.ConsoleErrors);
    }
}
