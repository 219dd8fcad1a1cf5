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

        // Region: focus the select, open it, pick the first region, confirm. Each key waits for the server's render of
        // the one before: a key pressed while the list is still opening is lost.
        await page.GetByTestId("region-select").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator(".mud-list-item-clickable").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator(".mud-list-item-clickable.mud-selected-item")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await page.GetByTestId("wizard-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The new step's heading takes focus; the name field is the next stop in tab order.
        await Expect(page.Locator("#wizard-step-heading")).ToBeFocusedAsync();
        var field = page.GetByLabel("Endpoint service name");
        var region = await page.Locator("#wizard-step-heading + p strong").First.TextContentAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync($"com.amazonaws.vpce.{region}.vpce-svc-0bbbbbbbbbbbbbbb1");
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Tab");
        await PressUntilFocusedAsync(page, page.GetByTestId("wizard-next"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("principal-arn")).ToBeVisibleAsync();
        await page.GetByTestId("wizard-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("verify-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await page.GetByTestId("wizard-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("create-connection").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections/[0-9a-f-]{36}$"));
    }

    /// <summary>Tabs forward until the element has focus, proving it is reachable in tab order.</summary>
    private static async Task PressUntilFocusedAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 10; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("The element is not reachable with Tab.");
    }
}
