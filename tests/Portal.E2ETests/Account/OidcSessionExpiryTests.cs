using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Account;

/// <summary>A portal on a clock the test moves: a sign-in lasts five minutes, and open pages check it every second.</summary>
public sealed class MovableClockPortalFixture : OidcPortalFixture
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(5);

    public MovableClockPortalFixture()
        : this(new MovableClock())
    {
    }

    private MovableClockPortalFixture(MovableClock clock)
        : base(
            new Dictionary<string, string?>
            {
                ["Identity:SessionLifetime"] = SessionLifetime.ToString(),
                ["Identity:SessionCheckInterval"] = "00:00:01",
            },
            services => services.AddSingleton<TimeProvider>(clock)) => Clock = clock;

    public MovableClock Clock { get; }
}

[Collection(BrowserCollection.Name)]
public sealed class OidcSessionExpiryTests(BrowserFixture browser, MovableClockPortalFixture portal) : IClassFixture<MovableClockPortalFixture>
{
    [Fact]
    public async Task Expired_session_sends_the_wizard_to_sign_in_and_the_typed_service_name_comes_back()
    {
        const string serviceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718";
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.Page.GotoAsync("/connections/new");
        await session.SignInAtProviderAsync("ada");
        await ConnectionWizard.ChooseRegionAsync(session.Page, "us-east-1");
        await session.Page.GetByTestId("wizard-next").ClickAsync();
        await ConnectionWizard.EnterServiceNameAsync(session.Page, serviceName);

        // Both sessions end: the provider's (its session cookies go) and the portal's (its clock passes the sign-in's end).
        await session.Page.Context.ClearCookiesAsync(new() { NameRegex = new Regex("^_session") });
        portal.Clock.Advance(MovableClockPortalFixture.SessionLifetime + TimeSpan.FromMinutes(1));

        // No click, no reload: the open page notices the end of the session and goes to sign-in by itself.
        await Expect(session.Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(portal.Provider.Issuer)}/interaction/"));
        await session.SignInAtProviderAsync("ada");

        await Expect(session.Page).ToHaveURLAsync($"{portal.BaseUrl}/connections/new");
        await Expect(session.Page.GetByLabel("Endpoint service name")).ToHaveValueAsync(serviceName);
        await Expect(session.Page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
