using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Account;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_development_sign_in_which_says_it_is_for_development()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);

        await session.Page.GotoAsync("/connections");

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
        await Expect(session.Page.GetByTestId("dev-signin-warning")).ToContainTextAsync("only for development");
        await session.ScreenshotAsync("signin");
        Assert.Empty(session.ConsoleErrors);
    }

    [Theory]
    [InlineData("ada", "Ada Lovelace")]
    [InlineData("grace", "Grace Hopper")]
    public async Task Customer_sees_connections_and_egress_ips_but_not_admin(string identity, string name)
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);

        await session.SignInAsync(identity);

        await Expect(session.Page.GetByTestId("nav-connections")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("nav-egress")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await Expect(session.Page.GetByTestId("home-empty")).ToBeVisibleAsync();
        await session.Page.GetByTestId("user-menu").ClickAsync();
        await Expect(session.Page.GetByTestId("user-name")).ToHaveTextAsync(name);
        await session.ScreenshotAsync($"user-menu-{identity}");
        await session.Page.Keyboard.PressAsync("Escape");
        await Expect(session.Page.GetByTestId("user-name")).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("user-menu")).ToBeFocusedAsync();
        await session.ScreenshotAsync($"home-{identity}");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Support_user_sees_admin_and_opens_the_support_console()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("sam");

        await session.Page.GetByTestId("nav-admin").ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Support console" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("nav-connections")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("admin-home");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("ada");

        await session.Page.GetByTestId("user-menu").ClickAsync();
        await session.Page.GetByTestId("sign-out").ClickAsync();

        await Expect(session.Page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
    }

    [Fact]
    public async Task Customer_in_two_workspaces_switches_between_them()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("ada");
        await session.Page.GetByTestId("workspace-switcher").ClickAsync();
        await Expect(session.Page.GetByTestId("workspace-ws-acme")).ToHaveAttributeAsync("aria-current", "true");
        await session.ScreenshotAsync("workspace-switcher");
        // A click elsewhere closes the menu.
        await session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();
        await Expect(session.Page.GetByTestId("workspace-ws-acme-staging")).ToBeHiddenAsync();

        await session.SwitchWorkspaceAsync("ws-acme-staging");

        await Expect(session.Page.GetByTestId("home-empty")).ToContainTextAsync("ws-acme-staging");
    }

    [Fact]
    public async Task Dark_theme_choice_is_remembered_after_a_reload()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("grace");

        await session.Page.GetByTestId("theme-toggle").ClickAsync();
        await session.ExpectDarkThemeAsync();
        await session.Page.ReloadAsync();
        await session.WaitForCircuitAsync();

        await session.ExpectDarkThemeAsync();
        await session.ScreenshotAsync("home-grace-dark");
    }
}
