using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Connections;

[Collection(BrowserCollection.Name)]
public sealed class WizardKeyboardTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_wizard_can_be_completed_with_the_keyboard_alone()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        var page = customer.Page;

        // Region: Tab reaches the region choice, an arrow key picks the next region, as in any group of radio buttons.
        var regions = page.GetByRole(AriaRole.Radio);
        await KeyboardNavigation.TabUntilFocusedAsync(page, regions.First);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(regions.Nth(1)).ToBeCheckedAsync();
        await Expect(regions.Nth(1)).ToBeFocusedAsync();
        await NextWithKeyboardAsync(page);

        // The new step's heading takes focus; the name field is the next stop in tab order.
        await Expect(page.Locator("#wizard-step-heading")).ToBeFocusedAsync();
        var field = page.GetByLabel("Endpoint service name");
        var region = await page.Locator("#wizard-step-heading + p strong").First.TextContentAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync($"com.amazonaws.vpce.{region}.vpce-svc-0bbbbbbbbbbbbbbb1");
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await NextWithKeyboardAsync(page);

        // Each later step: from its heading, Tab reaches the step's own controls and then Next, each with a visible focus ring.
        await Expect(page.GetByTestId("principal-arn")).ToBeVisibleAsync();
        await Expect(page.Locator("#wizard-step-heading")).ToBeFocusedAsync();
        await NextWithKeyboardAsync(page);

        await Expect(page.Locator("#wizard-step-heading")).ToBeFocusedAsync();
        await KeyboardNavigation.TabUntilFocusedAsync(page, page.GetByTestId("verify-button"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await NextWithKeyboardAsync(page);

        await Expect(page.Locator("#wizard-step-heading")).ToBeFocusedAsync();
        await KeyboardNavigation.TabUntilFocusedAsync(page, page.GetByTestId("create-connection"));
        Assert.NotEqual("none", await KeyboardNavigation.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections/[0-9a-f-]{36}$"));

        // The new connection's page starts at its heading, once its circuit has loaded the connection.
        await Expect(page.GetByTestId("connection-title")).ToBeFocusedAsync();
    }

    /// <summary>Tabs to Next (it must be reachable and show where focus is) and presses Enter.</summary>
    private static async Task NextWithKeyboardAsync(IPage page)
    {
        var next = page.GetByTestId("wizard-next");
        await Expect(next).ToBeEnabledAsync();
        await KeyboardNavigation.TabUntilFocusedAsync(page, next, maxPresses: 30);
        Assert.NotEqual("none", await KeyboardNavigation.FocusedOutlineAsync(page));
        await page.Keyboard.PressAsync("Enter");
    }
}
