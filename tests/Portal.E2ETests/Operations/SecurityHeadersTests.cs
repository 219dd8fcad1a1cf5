using System.Reflection;
using System.Text.RegularExpressions;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Operations;

/// <summary>
/// The Content-Security-Policy as the browser applies it. Every <see cref="PortalPage"/> fails its test on any
/// violation when it is disposed, so each page a test visits is checked; the headers themselves are checked over
/// HTTP in Portal.IntegrationTests (Http/SecurityHeadersTests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(BrowserFixture browser, PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>Each routed page, and a browser test that opens it (and so checks it for CSP violations).</summary>
    private static readonly Dictionary<string, string> VisitedBy = new()
    {
        ["/"] = "SignInTests.Customer_sees_connections_and_egress_ips_but_not_admin",
        ["/account/signin"] = "SignInTests.Anonymous_visitor_is_sent_to_the_development_sign_in_which_says_it_is_for_development",
        ["/account/signed-out"] = "SignInTests.Signing_out_ends_the_session",
        ["/admin"] = "SignInTests.Support_user_sees_admin_and_opens_the_support_console",
        ["/admin/{*Path}"] = "AdminConsoleTests.Every_admin_page_renders_for_support_in_both_themes",
        ["/admin/audit"] = "AdminConsoleTests.Support_adds_an_egress_ip_a_bad_value_is_explained_and_not_saved_a_good_one_is_saved_and_audited",
        ["/admin/connections"] = "AdminConsoleTests.The_all_connections_grid_finds_a_connection_by_its_endpoint_id",
        ["/admin/connections/{Id:guid}"] = "SupportConnectionTests.Support_reads_a_failed_connection_with_its_aws_error_and_audit_then_retries_and_deletes_it",
        ["/admin/egress-requests"] = "EgressIpsTests.Customer_gets_a_regions_egress_ips_and_support_sees_the_request_and_its_audit_entry",
        ["/admin/regions"] = "AdminConsoleTests.Support_adds_an_egress_ip_a_bad_value_is_explained_and_not_saved_a_good_one_is_saved_and_audited",
        ["/admin/regions/{Code}"] = "AdminConsoleTests.Every_admin_page_renders_for_support_in_both_themes",
        ["/connections"] = "ConnectionWizardTests.Customer_creates_a_connection_follows_it_to_available_copies_the_dns_name_and_deletes_it",
        ["/connections/new"] = "ConnectionWizardTests.Customer_creates_a_connection_follows_it_to_available_copies_the_dns_name_and_deletes_it",
        ["/connections/{Id:guid}"] = "ConnectionWizardTests.Customer_creates_a_connection_follows_it_to_available_copies_the_dns_name_and_deletes_it",
        ["/notifications"] = "NotificationsTests.Customer_adds_a_webhook_sends_a_test_and_sees_it_delivered_and_support_sees_it_too",
        ["/admin/notifications"] = "NotificationsTests.Customer_adds_a_webhook_sends_a_test_and_sees_it_delivered_and_support_sees_it_too",
        ["/egress-ips"] = "EgressIpsTests.Customer_gets_a_regions_egress_ips_and_support_sees_the_request_and_its_audit_entry",
    };

    [Fact]
    public void Every_routed_page_is_opened_by_a_browser_test_and_so_checked_for_csp_violations()
    {
        // Found from the app's own routes, so a page added later fails here until a browser test opens it.
        var routes = PortalRoutes.Pages;

        var unvisited = routes.Except(VisitedBy.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(unvisited.Count == 0,
            $"No browser test opens {string.Join(", ", unvisited)}: open it in one (and add it to {nameof(VisitedBy)}).");
        Assert.Empty(VisitedBy.Keys.Except(routes));
        var testNames = typeof(SecurityHeadersTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => $"{type.Name}.{m.Name}"))
            .ToHashSet();
        Assert.Empty(VisitedBy.Values.Except(testNames));
    }

    [Fact]
    public async Task An_inline_script_is_refused_and_fails_the_test_although_axe_runs_in_the_same_page()
    {
        var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        await customer.SignInAsync("ada");
        await customer.CheckAccessibilityAsync("before the inline script");

        // axe runs through the DevTools protocol, outside the policy; a script the page itself adds stays inside it.
        try
        {
            await customer.Page.AddScriptTagAsync(new() { Content = "window.inlineScriptRan = true;" });
        }
        catch (Microsoft.Playwright.PlaywrightException)
        {
            // Refused by the policy, which is what this test expects.
        }

        Assert.False(await customer.Page.EvaluateAsync<bool>("() => window.inlineScriptRan === true"));
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => customer.DisposeAsync().AsTask());
        Assert.Contains("Content-Security-Policy violations: script-src", failure.Message);
    }

    [Fact]
    public async Task The_circuit_connects_over_a_websocket_the_content_security_policy_allows()
    {
        var sockets = new List<string>();
        await using var customer = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl);
        customer.Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await customer.SignInAsync("ada");
        await Expect(customer.Page.GetByTestId("home-empty")).ToBeVisibleAsync();

        // connect-src 'self' lets the circuit use a websocket (Blazor would silently fall back to long polling otherwise).
        Assert.Contains(sockets, url => Regex.IsMatch(url, @"^ws://127\.0\.0\.1:\d+/_blazor"));
    }
}
