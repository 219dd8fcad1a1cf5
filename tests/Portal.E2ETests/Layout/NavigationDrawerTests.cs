using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Layout;

/// <summary>The layout's drawer works in the browser (portal.js): beside the page on a wide screen, over it on a narrow one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationDrawerTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task On_a_wide_screen_the_menu_button_hides_and_shows_the_navigation_and_says_which()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("ada");
        var toggle = session.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        var connections = session.Page.GetByTestId("nav-connections");

        await Expect(connections).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        await toggle.ClickAsync();
        await Expect(connections).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.PressAsync("Enter");
        await Expect(connections).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Fact]
    public async Task On_a_narrow_screen_the_navigation_opens_over_the_page_and_closes_when_a_link_is_chosen()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.SignInAsync("ada");
        var toggle = session.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        var connections = session.Page.GetByTestId("nav-connections");

        await Expect(connections).ToBeHiddenAsync();
        await toggle.FocusAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Expect(connections).ToBeVisibleAsync();
        await session.ScreenshotAsync("drawer-narrow-open");
        await connections.ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Connections", Level = 1 })).ToBeVisibleAsync();
        await Expect(connections).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Empty(session.ConsoleErrors);
    }
}
