using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>A signed-in (or anonymous) browser context on the portal, collecting console errors and taking screenshots.</summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];

    private PortalPage(IBrowserContext context, IPage page, string baseUrl)
    {
        this.context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
    }

    public IPage Page { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<string> ConsoleErrors => consoleErrors;

    public static async Task<PortalPage> OpenAsync(IBrowser browser, string baseUrl, bool darkMode = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        if (darkMode)
        {
            var uri = new Uri(baseUrl);
            await context.AddCookiesAsync([new Cookie { Name = "portal.theme", Value = "dark", Domain = uri.Host, Path = "/" }]);
        }
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new PortalPage(context, page, baseUrl);
    }

    /// <summary>Signs in with a demo identity through the development sign-in page and waits for the interactive circuit.</summary>
    public async Task SignInAsync(string identityKey, string returnUrl = "/")
    {
        await Page.GotoAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await Page.GetByTestId($"signin-{identityKey}").ClickAsync();
        await WaitForCircuitAsync();
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    /// <summary>The prerendered page appears before SignalR connects; clicks before that are lost.</summary>
    public Task WaitForCircuitAsync() =>
        Page.GetByTestId("circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
