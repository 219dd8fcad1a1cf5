using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.E2ETests.Infrastructure;
using Portal.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Api;

/// <summary>The API and the pages are one portal: what a script does through the API, an open page shows at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiLiveUpdateTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_connection_created_through_the_api_appears_on_the_open_connections_page_without_a_reload()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada", "/connections");
        await Expect(customer.Page.GetByText("PrivateLink connections of workspace")).ToContainTextAsync("ws-acme");
        // The page counts as loaded once it is interactive: a reload would bring a new navigation, which this test forbids.
        var navigations = 0;
        customer.Page.FrameNavigated += (_, frame) => navigations += frame == customer.Page.MainFrame ? 1 : 0;

        using var api = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiTokens.Customer("api-script-ada", "ws-acme"));
        const string serviceName = "com.amazonaws.vpce.eu-central-1.vpce-svc-0abcdef0123456789";
        using var created = await api.PostAsJsonAsync("/api/v1/workspaces/ws-acme/connections", new { region = "eu-central-1", serviceName, name = "Orders replica" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var link = customer.Page.GetByTestId("connection-link").Filter(new() { HasText = "Orders replica" });
        await Expect(link).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(link).ToHaveAttributeAsync("href", $"/connections/{id}");
        Assert.Equal(0, navigations);
        await customer.ScreenshotAsync("connections-after-api-create");
    }

    [Fact]
    public async Task The_api_reference_opens_from_the_menu_and_renders_the_document_within_the_pages_policy()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/");

        await customer.Page.GetByTestId("nav-api").ClickAsync();

        await Expect(customer.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api/reference/?$"));
        // The reference is a large script: on a busy two-core machine it takes a while to render the document.
        await Expect(customer.Page.GetByText("Request a connection; the portal creates the endpoint in the background.").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await customer.CheckAccessibilityAsync("the API reference");
    }
}
