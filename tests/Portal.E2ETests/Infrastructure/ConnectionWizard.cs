using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Infrastructure;

/// <summary>Drives the new-connection wizard the way a customer does, for tests whose subject is what comes after.</summary>
public static class ConnectionWizard
{
    public static async Task ChooseRegionAsync(IPage page, string region)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = region }).CheckAsync();
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
    }

    public static async Task EnterServiceNameAsync(IPage page, string serviceName)
    {
        await page.GetByLabel("Endpoint service name").FillAsync(serviceName);
        await Expect(page.GetByTestId("wizard-next")).ToBeEnabledAsync();
    }

    /// <summary>From /connections/new to the verify step, with a valid service name in <paramref name="region"/>.</summary>
    public static async Task WalkToVerifyAsync(IPage page, string region, string serviceName)
    {
        await ChooseRegionAsync(page, region);
        await page.GetByTestId("wizard-next").ClickAsync();
        await EnterServiceNameAsync(page, serviceName);
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-GrantAccess")).ToBeVisibleAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-Verify")).ToBeVisibleAsync();
    }

    /// <summary>Runs every step and returns the new connection's detail path (opens the wizard unless it is open already,
    /// e.g. after <c>SignInAsync(identity, "/connections/new")</c>, which saves a page load and a circuit).</summary>
    /// <param name="name">The connection's name; by default the one the wizard proposes.</param>
    /// <param name="awsTimeout">
    /// How long to wait for the steps that call EC2 (verify, create); by default the usual expect timeout. Portal processes
    /// on moto behind a proxy answer much more slowly on a busy machine than the in-process host does.
    /// </param>
    public static async Task<string> CreateAsync(PortalPage session, string region, string serviceName, string? name = null, TimeSpan? awsTimeout = null)
    {
        float? awsMs = awsTimeout is { } t ? (float)t.TotalMilliseconds : null;
        var page = session.Page;
        if (new Uri(page.Url).AbsolutePath != "/connections/new")
        {
            await session.GotoAsync("/connections/new");
        }
        await WalkToVerifyAsync(page, region, serviceName);
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync(new() { Timeout = awsMs });
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByLabel("Connection name")).Not.ToBeEmptyAsync();
        if (name is not null)
        {
            await page.GetByLabel("Connection name").FillAsync(name);
        }
        await page.GetByTestId("create-connection").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connections/[0-9a-f-]{36}$"), new() { Timeout = awsMs });
        await Expect(page.GetByTestId("connection-title")).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync("just created");
        return new Uri(page.Url).AbsolutePath;
    }
}
