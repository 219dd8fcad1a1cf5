using System.Text.RegularExpressions;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Account;

/// <summary>A portal whose sign-in lasts seconds, on a provider whose session lasts less: the session runs out on an open page.</summary>
public sealed class ShortSessionPortalFixture() : OidcPortalFixture(
    providerSessionLifetime: TimeSpan.FromSeconds(5),
    new Dictionary<string, string?>
    {
        ["Identity:SessionLifetime"] = "00:00:12",
        ["Identity:SessionCheckInterval"] = "00:00:01",
    });

[Collection(BrowserCollection.Name)]
public sealed class OidcSessionExpiryTests(BrowserFixture browser, ShortSessionPortalFixture portal) : IClassFixture<ShortSessionPortalFixture>
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

        // No click, no reload: the open page notices the end of the session and goes to sign-in by itself.
        await Expect(session.Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(portal.Provider.Issuer)}/interaction/"), new() { Timeout = 30_000 });
        await session.SignInAtProviderAsync("ada");

        await Expect(session.Page).ToHaveURLAsync($"{portal.BaseUrl}/connections/new");
        await Expect(session.Page.GetByLabel("Endpoint service name")).ToHaveValueAsync(serviceName);
        await Expect(session.Page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
