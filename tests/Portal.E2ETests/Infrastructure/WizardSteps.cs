using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Infrastructure;

/// <summary>Walks the new-connection wizard the way a customer does.</summary>
public static class WizardSteps
{
    /// <summary>From /connections/new to the verify step, with a valid service name in <paramref name="region"/>.</summary>
    public static async Task WalkToVerifyAsync(IPage page, string region, string serviceName)
    {
        await page.GetByTestId("region-select").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = $"({region})" }).ClickAsync();
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await page.GetByLabel("Endpoint service name").FillAsync(serviceName);
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-Verify")).ToBeVisibleAsync();
    }
}
