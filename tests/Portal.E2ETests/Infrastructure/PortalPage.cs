using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// A signed-in (or anonymous) browser context on the portal, collecting console errors and Content-Security-Policy
/// violations, and taking screenshots. Disposing it fails the test when any page of the context saw a CSP violation,
/// so every page a test visits is checked against the policy.
/// Every page state a test reaches through it is checked with axe-core (<see cref="CheckAccessibilityAsync"/>): each
/// page once it is interactive, each state a test names for a screenshot, and the last page at dispose; a page the
/// test went through without any check fails the test at dispose.
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
    private readonly HashSet<string> checkedStates = [];
    private readonly HashSet<string> checkedPaths = [];
    private readonly HashSet<string> visitedPaths = [];

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
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                lock (visitedPaths)
                {
                    visitedPaths.Add(PathOf(frame.Url));
                }
            }
        };
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
        await CheckAccessibilityAsync();
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

    /// <summary>Picks another workspace in the app bar's switcher; the switch reloads the page.</summary>
    public async Task SwitchWorkspaceAsync(string workspaceId)
    {
        await Page.GetByTestId("workspace-switcher").ClickAsync();
        // Wait for the new document's load: until it arrives, the old page's circuit would count as ready.
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await Page.GetByTestId($"workspace-{workspaceId}").ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
        await WaitForCircuitAsync();
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// The prerendered page appears before SignalR connects; clicks before that are lost. Once it is interactive (or
    /// known to have no interactive content: access denied, not found), the page is checked with axe.
    /// </summary>
    public async Task WaitForCircuitAsync()
    {
        await Page.Locator("[data-testid=circuit-ready], [data-testid=static-page]").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await CheckAccessibilityAsync();
    }

    /// <summary>
    /// Runs axe-core on the page as it is now, once per page and state: fails the test on a critical or serious
    /// violation, listing the rule, the elements and the help page. Moderate and minor ones go to axe-findings.txt.
    /// </summary>
    /// <param name="state">What the page shows, when one page has several states worth checking (a wizard step, a status).</param>
    public async Task CheckAccessibilityAsync(string? state = null)
    {
        var url = new Uri(Page.Url);
        var dark = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor") == DarkBackground;
        var where = $"{url.PathAndQuery}{(state is null ? "" : $" [{state}]")} ({(dark ? "dark" : "light")} theme)";
        if (!checkedStates.Add(where))
        {
            return;
        }
        // Counted as checked even when it fails, so the coverage check at dispose does not replace this failure.
        checkedPaths.Add(PathOf(Page.Url));
        await AxeCheck.ExpectNoSeriousViolationsAsync(Page, where);
    }

    /// <summary>Proves the dark palette is applied: the page and the app bar have the dark theme's background colours.</summary>
    public async Task ExpectDarkThemeAsync()
    {
        await Expect(Page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        await Expect(Page.Locator(".mud-appbar")).ToHaveCSSAsync("background-color", DarkAppBar);
    }

    // Screenshots are opt-in (they cost seconds per test): set PORTAL_SCREENSHOTS=1 to write them to bin/…/screenshots.
    private static readonly bool ScreenshotsEnabled = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") == "1";

    /// <summary>Checks the page state the test names with axe, and saves a screenshot of it when screenshots are on.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await CheckAccessibilityAsync(name);
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
        string? accessibilityFailure;
        try
        {
            accessibilityFailure = await CheckLastPageAndCoverageAsync();
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
        var failures = new List<string>();
        if (violations.Count > 0)
        {
            failures.Add($"Content-Security-Policy violations: {string.Join(" | ", violations.Distinct())}");
        }
        if (accessibilityFailure is not null)
        {
            failures.Add(accessibilityFailure);
        }
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", failures));
        }
    }

    // A page and its slash-ended twin (the API reference redirects, then rewrites its URL) are one page.
    private static string PathOf(string url) => new Uri(url).AbsolutePath is var path && path.Length > 1 ? path.TrimEnd('/') : "/";

    /// <summary>Checks the page the test ended on, and that no page was passed through without an axe check.</summary>
    private async Task<string?> CheckLastPageAndCoverageAsync()
    {
        try
        {
            if (!Page.IsClosed && Page.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !checkedPaths.Contains(PathOf(Page.Url)))
            {
                await CheckAccessibilityAsync();
            }
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            return failure.Message;
        }
        catch (PlaywrightException)
        {
            // The page was navigating away as the test ended: the page it went to was never the test's subject.
        }
        List<string> notChecked;
        lock (visitedPaths)
        {
            notChecked = visitedPaths.Where(path => !checkedPaths.Contains(path)).Order(StringComparer.Ordinal).ToList();
        }
        return notChecked.Count == 0 ? null
            : $"Pages visited without an accessibility check: {string.Join(", ", notChecked)}. Wait for them through "
              + $"{nameof(GotoAsync)}/{nameof(WaitForCircuitAsync)}, name their state with {nameof(ScreenshotAsync)} or call {nameof(CheckAccessibilityAsync)}.";
    }
}
