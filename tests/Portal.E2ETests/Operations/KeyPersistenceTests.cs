using System.Text.RegularExpressions;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Operations;

[Collection(BrowserCollection.Name)]
public sealed class KeyPersistenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_signed_in_browser_stays_signed_in_when_the_portal_restarts()
    {
        var first = new PortalAppHost();
        var databasePath = first.DatabasePath;
        var keysElsewhere = Directory.CreateTempSubdirectory("portal-e2e-keys-");
        try
        {
            await using var session = await PortalPage.OpenAsync(browser.Browser, first.Start());
            await session.SignInAsync("ada");
            // End the circuit before the host stops, so the shutdown does not wait for it.
            await session.Page.GotoAsync("about:blank");
            await first.DisposeAsync();

            // A new process on the same database: a new port, but cookies ignore ports, so the browser sends its auth cookie.
            await using (var restarted = new PortalAppHost(databasePath: databasePath))
            {
                var url = restarted.Start();
                Assert.NotEqual(first.BaseUrl, url);
                await session.Page.GotoAsync($"{url}/");
                await session.WaitForCircuitAsync();

                await session.Page.GetByTestId("user-menu").ClickAsync();
                await Expect(session.Page.GetByTestId("user-name")).ToHaveTextAsync("Ada Lovelace");
                await session.Page.GotoAsync("about:blank");
            }

            // The control: a process with other keys cannot read that cookie and asks to sign in again.
            await using (var otherKeys = new PortalAppHost(new Dictionary<string, string?> { ["DataProtection:KeysFolder"] = keysElsewhere.FullName }, databasePath))
            {
                var url = otherKeys.Start();
                await session.Page.GotoAsync($"{url}/");
                await Expect(session.Page).ToHaveURLAsync(new Regex("/account/signin"));
            }
        }
        finally
        {
            await first.DisposeAsync();
            first.DeleteDatabase();
            keysElsewhere.Delete(recursive: true);
        }
    }
}
