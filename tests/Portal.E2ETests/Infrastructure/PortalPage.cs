using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// A signed-in (or anonymous) browser context on the portal, collecting console errors and Content-Security-Policy
/// violations, and taking screenshots.
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    private const string CspViolationBinding = "portalTestsReportCspViolation";

    // Runs before any page script, outside the page's CSP (Playwright injects it through the DevTools protocol).
    private const string CspViolationListener = $$"""
        document.addEventListener("securitypolicyviolation", e =>
            window.{{CspViolationBinding}}(`${e.effectiveDirective} refused ${e.blockedURI || "an inline script or style"} on ${location.pathname} (${e.sourceFile || "document"}:${e.lineNumber})`));
        """;

    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];
    private readonly List<string> cspViolations = [];

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
    /// <summary>Every <c>securitypolicyviolation</c> event of every page of this context (also listed in <see cref="ConsoleErrors"/>).</summary>
    public IReadOnlyList<string> CspViolations => cspViolations;

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
        var portalPage = new PortalPage(context, page, baseUrl);
        await context.ExposeBindingAsync(CspViolationBinding, (BindingSource _, string violation) => portalPage.ReportCspViolation(violation));
        await context.AddInitScriptAsync(CspViolationListener);
        return portalPage;
    }

    private void ReportCspViolation(string violation)
    {
        cspViolations.Add(violation);
        consoleErrors.Add($"CSP violation: {violation}");
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
