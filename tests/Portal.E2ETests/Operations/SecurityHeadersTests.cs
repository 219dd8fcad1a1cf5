using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Operations;

[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/js/portal.js")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(ExpectedPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("accelerometer=(), camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        // HSTS only outside Development and only over HTTPS; these hosts are Development over HTTP.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_signed_in_page_response_has_the_same_headers_in_the_browser()
    {
        await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await session.SignInAsync("ada");

        var response = await session.Page.GotoAsync("/connections");
        var headers = await response!.AllHeadersAsync();

        Assert.Equal(ExpectedPolicy, headers["content-security-policy"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
    }

    [Fact]
    public async Task No_page_logs_a_content_security_policy_violation()
    {
        var visited = new List<string>();
        var sockets = new List<string>();

        await using (var anonymous = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            foreach (var page in Pages.Where(p => p.Visitor is null))
            {
                await anonymous.Page.GotoAsync(page.Path);
                await SettleAsync(anonymous, visited, page.Path);
            }
            AssertNoViolation(anonymous, visited);
        }

        await using (var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            customer.Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
            await customer.SignInAsync("ada");
            foreach (var page in Pages.Where(p => p.Visitor == "ada"))
            {
                await customer.GotoAsync(page.Path);
                await SettleAsync(customer, visited, page.Path);
            }
            await WalkTheWizardToTheNewConnectionAsync(customer, visited);
            AssertNoViolation(customer, visited);
        }

        await using (var support = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl))
        {
            await support.SignInAsync("sam");
            foreach (var page in Pages.Where(p => p.Visitor == "sam"))
            {
                await support.GotoAsync(page.Path);
                await SettleAsync(support, visited, page.Path);
            }
            AssertNoViolation(support, visited);
        }

        Assert.Contains("/connections/new", visited);
        Assert.Contains("/admin", visited);
        // connect-src 'self' let the circuit use a websocket (Blazor would silently fall back to long polling otherwise).
        Assert.Contains(sockets, url => Regex.IsMatch(url, @"^ws://127\.0\.0\.1:\d+/_blazor"));
    }

    /// <summary>
    /// Every page without route parameters, found from the app's own routes so pages added later (egress IPs, admin
    /// views) are visited too: anonymous ones without signing in, support ones as Sam, the others as Ada.
    /// </summary>
    public static IReadOnlyList<(string Path, string? Visitor)> Pages { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (route.Template, Type: type)))
        .Where(route => !route.Template.Contains('{') && !route.Template.StartsWith("/status", StringComparison.Ordinal) && route.Template != "/Error")
        .Select(route => (route.Template, Visitor(route.Type)))
        .OrderBy(page => page.Template, StringComparer.Ordinal)
        .ToList();

    private static string? Visitor(Type page) =>
        page.GetCustomAttribute<AllowAnonymousAttribute>() is not null ? null
        : page.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy == PortalPolicies.Support) ? "sam"
        : "ada";

    private static async Task WalkTheWizardToTheNewConnectionAsync(PortalPage customer, List<string> visited)
    {
        var page = customer.Page;
        await customer.GotoAsync("/connections/new");
        await ConnectionWizard.WalkToVerifyAsync(page, "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60789");
        await page.GetByTestId("verify-button").ClickAsync();
        await Expect(page.GetByTestId("verify-success")).ToBeVisibleAsync();
        await SettleAsync(customer, visited, "/connections/new (verify step)");
        await page.GetByTestId("wizard-next").ClickAsync();
        await page.GetByTestId("create-connection").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connections/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("status-chip").First).ToBeVisibleAsync();
        await SettleAsync(customer, visited, "/connections/{id}");
    }

    /// <summary>Violation events reach the test through a binding, a moment after the page reports them.</summary>
    private static async Task SettleAsync(PortalPage session, List<string> visited, string path)
    {
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
        await session.Page.WaitForTimeoutAsync(300);
        visited.Add(path);
    }

    private static void AssertNoViolation(PortalPage session, List<string> visited)
    {
        var cspMessages = session.ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.True(session.CspViolations.Count == 0 && !cspMessages.Any(),
            $"Visited {string.Join(", ", visited)}; violations: {string.Join(" | ", session.CspViolations.Concat(cspMessages))}");
    }
}
