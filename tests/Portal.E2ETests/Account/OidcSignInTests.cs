using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Account;

/// <summary>
/// Sign-in through a real OpenID Connect provider (tests/oidc-provider, npm oidc-provider) with Microsoft.Identity.Web
/// configured only by settings: the people and their claims (roles, workspaces) come from the provider's tokens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OidcSignInTests(BrowserFixture browser, OidcPortalFixture portal) : IClassFixture<OidcPortalFixture>
{
    [Fact]
    public async Task Customer_of_two_workspaces_signs_in_at_the_provider_and_switches_between_them()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);

        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(portal.Provider.Issuer)}/interaction/"));
        await session.SignInAtProviderAsync("ada");

        await Expect(session.Page).ToHaveURLAsync($"{portal.BaseUrl}/");
        await Expect(session.Page.GetByTestId("home-empty")).ToContainTextAsync("ws-acme");
        await session.Page.GetByTestId("user-menu").ClickAsync();
        await Expect(session.Page.GetByTestId("user-name")).ToHaveTextAsync("Ada Lovelace");
        await session.Page.Keyboard.PressAsync("Escape");
        await session.SwitchWorkspaceAsync("ws-acme-staging");
        await Expect(session.Page.GetByTestId("home-empty")).ToContainTextAsync("ws-acme-staging");
        await Expect(session.Page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Support_user_reaches_the_support_console_and_a_customer_is_denied_there()
    {
        await using var support = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await support.Page.GotoAsync("/admin");
        await support.SignInAtProviderAsync("sam");

        await Expect(support.Page).ToHaveURLAsync($"{portal.BaseUrl}/admin");
        await Expect(support.Page.GetByRole(AriaRole.Heading, new() { Name = "Support console" })).ToBeVisibleAsync();
        await Expect(support.Page.GetByTestId("nav-connections")).ToHaveCountAsync(0);

        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.Page.GotoAsync("/admin");
        await customer.SignInAtProviderAsync("grace");

        await Expect(customer.Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(customer.Page.GetByRole(AriaRole.Heading, new() { Name = "Support console" })).ToHaveCountAsync(0);
        var admin = await customer.Page.APIRequest.GetAsync("/admin", new() { MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.Forbidden, admin.Status);
    }

    [Fact]
    public async Task User_without_a_workspace_is_told_how_to_get_access()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.Page.GotoAsync("/");
        await session.SignInAtProviderAsync("nora");

        var panel = session.Page.GetByTestId("no-workspace");
        await Expect(panel).ToContainTextAsync("You are not in a workspace yet");
        await Expect(panel).ToContainTextAsync("nora@initech.example");
        await Expect(session.Page.GetByTestId("nav-connections")).ToHaveCountAsync(0);
        await Expect(session.Page.GetByTestId("new-connection")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("oidc-no-workspace");

        await session.Page.GetByTestId("theme-toggle").ClickAsync();
        await session.ExpectDarkThemeAsync();
        await Expect(panel).ToBeVisibleAsync();
        await session.ScreenshotAsync("oidc-no-workspace-dark");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_and_provider_sessions_and_back_does_not_restore_the_page()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.Page.GotoAsync("/connections");
        await session.SignInAtProviderAsync("ada");
        await Expect(session.Page).ToHaveURLAsync($"{portal.BaseUrl}/connections");
        var connections = await session.Page.APIRequest.GetAsync("/connections");
        Assert.Contains("no-store", connections.Headers["cache-control"]);

        await session.Page.GetByTestId("user-menu").ClickAsync();
        await session.Page.GetByTestId("sign-out").ClickAsync();

        await Expect(session.Page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync($"{portal.BaseUrl}/account/signed-out");
        Assert.DoesNotContain(await session.Page.Context.CookiesAsync([portal.BaseUrl]), c => c.Name == "portal.auth");
        await session.CheckAccessibilityAsync();

        // Back asks the server again: no signed-in page comes back; whatever page of the sign-out it lands on, it is anonymous.
        await session.Page.GoBackAsync();
        await Expect(session.Page.GetByTestId("user-menu")).ToHaveCountAsync(0);
        await Expect(session.Page.GetByTestId("nav-connections")).ToHaveCountAsync(0);

        // The provider's session is over too: the portal's page asks for the password again instead of signing in silently.
        await session.Page.GotoAsync("/connections");
        await Expect(session.Page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(portal.Provider.Issuer)}/interaction/"));
    }

    [Fact]
    public async Task The_development_sign_in_is_not_offered()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);

        var signIn = await session.Page.APIRequest.GetAsync("/account/signin", new() { MaxRedirects = 0 });

        Assert.Equal((int)HttpStatusCode.NotFound, signIn.Status);
        Assert.DoesNotContain("signin-sam", await signIn.TextAsync());
    }
}
