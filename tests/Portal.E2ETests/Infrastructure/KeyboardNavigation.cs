using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>Moving through a page with the Tab key, the way a keyboard-only user does.</summary>
public static class KeyboardNavigation
{
    /// <summary>Tabs forward until the element has focus, proving it is reachable in tab order; returns the presses it took.</summary>
    public static async Task<int> TabUntilFocusedAsync(IPage page, ILocator target, int maxPresses = 10)
    {
        for (var presses = 0; presses <= maxPresses; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return presses;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"The element is not reachable with {maxPresses} presses of Tab.");
        return maxPresses;
    }

    /// <summary>Whether the focused element shows a focus ring (an outline, or MudBlazor's focus overlay on inputs).</summary>
    public static Task<string> FocusedOutlineAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
}
