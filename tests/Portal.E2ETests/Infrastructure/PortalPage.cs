using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// A signed-in (or anonymous) browser context on the portal, collecting console errors and Content-Security-Policy
/// violations, and taking screenshots. Disposing it fails the test when any page of the context saw a CSP violation,
/// so every page a test visits is checked against the policy.
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    private const string CspViolationBinding = "portalTestsReportCspViolation";
    private const string CspViolationList = "portalTestsCspViolations";

    // Runs before any page script, outside the page's CSP (Playwright injects it through the DevTools protocol).
    // Each violation goes to the test through the binding and is also kept in the page, so the check at dispose
    // can read the current page's list directly instead of waiting for the binding's message to arrive.
    private const string CspViolationListener = $$"""
        window.{{CspViolationList}} = [];
        document.addEventListener("securitypolicyviolation", e => {
            const violation = `${e.effectiveDirective} refused ${e.blockedURI || "an inline script or style"} on ${location.pathname} (${e.sourceFile || "document"}:${e.lineNumber})`;
            window.{{CspViolationList}}.push(violation);
            window.{{CspViolationBinding}}(violation);
        });
        """;

    /// <summary>The dark palette's page background (<c>#0f1020</c>) and app bar (<c>#111028</c>), see PortalTheme.</summary>
    public const string DarkBackground = "rgb(15, 16, 32)";
    public const string DarkAppBar = "rgb(17, 16, 40)";

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

    /// <summary>
    /// Signs in on the test OpenID Connect provider's login form (tests/oidc-provider; the page must be on its way there)
    /// and waits for the portal's interactive circuit. Each account's password is "{login}-password".
    /// </summary>
    public async Task SignInAtProviderAsync(string login)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        await Page.GetByLabel("User name").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync($"{login}-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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

    /// <summary>Proves the dark palette is applied: the page and the app bar have the dark theme's background colours.</summary>
    public async Task ExpectDarkThemeAsync()
    {
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await Expect(Page.Locator(".mud-appbar")).ToHaveCSSAsync("background-color", DarkAppBar);
    }

    // Screenshots are opt-in (they cost seconds per test): set PORTAL_SCREENSHOTS=1 to write them to bin/…/screenshots.
    private static readonly bool ScreenshotsEnabled = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") == "1";

    public async Task ScreenshotAsync(string name)
    {
        if (!ScreenshotsEnabled)
        {
            return;
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        List<string> violations;
        try
        {
            violations = [];
            foreach (var page in context.Pages.Where(p => !p.IsClosed))
            {
                try
                {
                    // The current document's own list (also a round trip, after which earlier binding messages are in).
                    var inPage = await page.EvaluateAsync<string[]?>($"() => window.{CspViolationList} ?? null");
                    violations.AddRange(inPage ?? []);
                }
                catch (PlaywrightException)
                {
                    // A navigation was under way: that document is gone; its violations came through the binding.
                }
            }
            violations.AddRange(cspViolations);
            violations.AddRange(consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            await context.DisposeAsync();
        }
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"Content-Security-Policy violations: {string.Join(" | ", violations.Distinct())}");
        }
    }
}
