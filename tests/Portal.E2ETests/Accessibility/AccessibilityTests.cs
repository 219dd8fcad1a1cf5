using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Connections;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Accessibility;

/// <summary>
/// A portal whose reconciler is off: the walk's connections are seeded in each status with endpoints the simulated AWS
/// never created, which the reconciler would soon find gone and mark deleted, so every status page would read "Deleted".
/// </summary>
public sealed class AccessibilityPortalFixture() : PortalFixture(new Dictionary<string, string?>
{
    ["Provisioning:Reconciler:Enabled"] = "false",
});

/// <summary>
/// Every routed page, as the people who use it see it and with data in it, checked with axe-core in the light and the
/// dark theme (every other browser test checks the pages it visits too, through <see cref="PortalPage"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AccessibilityPortalFixture portal) : IClassFixture<AccessibilityPortalFixture>
{
    private const string Anonymous = "";

    /// <summary>A page to visit: which route it shows, who visits it and where; a connection's page shows its status.</summary>
    private sealed record Visit(string Route, string Who, string Path, string Name, ConnectionStatus? Status = null);

    [Fact]
    public void Every_routed_page_is_in_the_accessibility_walk()
    {
        var walked = Walk(new SeededConnections(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty)).Select(v => v.Route).ToHashSet();

        var missing = PortalRoutes.Pages.Except(walked).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"The accessibility walk does not visit {string.Join(", ", missing)}: add it to {nameof(Walk)}.");
        Assert.DoesNotContain(walked, route => !PortalRoutes.Pages.Contains(route) && !route.StartsWith("/status", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_page_has_no_critical_or_serious_axe_violation(bool dark)
    {
        var seeded = await SeedConnectionsAsync();
        var theme = dark ? "dark" : "light";
        foreach (var visits in Walk(seeded).GroupBy(v => v.Who))
        {
            await using var session = await PortalPage.OpenAsync(browser.Browser, portal.BaseUrl, darkMode: dark);
            var heading = session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            var first = true;
            foreach (var visit in visits)
            {
                if (visits.Key == Anonymous)
                {
                    await session.Page.GotoAsync(visit.Path);
                }
                else if (first)
                {
                    await session.SignInAsync(visits.Key, visit.Path);
                }
                else
                {
                    // Within the circuit, as a click on a link would: much cheaper than loading each page and its circuit.
                    // The walk never shows the same heading twice in a row, so a new heading means the new page is in.
                    var previous = await heading.TextContentAsync();
                    await session.Page.EvaluateAsync("path => Blazor.navigateTo(path)", visit.Path);
                    await Expect(heading).Not.ToHaveTextAsync(previous!);
                }
                first = false;
                await Expect(heading).ToBeVisibleAsync();
                await WaitUntilLoadedAsync(session.Page);
                if (visit.Status is { } status)
                {
                    // The state the walk means to check, not one the portal moved the connection to meanwhile.
                    await Expect(session.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", status.ToString());
                }
                if (dark && visit.Route != "/account/signin" && visit.Route != "/account/signed-out")
                {
                    await session.ExpectDarkThemeAsync();
                }
                await session.ScreenshotAsync($"a11y-{visit.Name}-{theme}");
            }
        }
    }

    /// <summary>Pages that load after the first render (the grids) are checked once their rows are in.</summary>
    private static async Task WaitUntilLoadedAsync(IPage page)
    {
        if (await page.Locator("[data-testid=circuit-ready]").CountAsync() > 0)
        {
            await Expect(page.Locator(".mud-table-loading-progress, .mud-progress-linear, .mud-skeleton")).ToHaveCountAsync(0);
        }
    }

    private static IEnumerable<Visit> Walk(SeededConnections seeded) =>
    [
        new("/account/signin", Anonymous, "/account/signin", "signin"),
        new("/account/signed-out", Anonymous, "/account/signed-out", "signed-out"),
        new("/", "ada", "/", "home-customer"),
        new("/connections", "ada", "/connections", "connections"),
        new("/connections/new", "ada", "/connections/new", "wizard"),
        new("/connections/{Id:guid}", "ada", $"/connections/{seeded.PendingAcceptance}", "detail-pending-acceptance", ConnectionStatus.PendingAcceptance),
        new("/connections/{Id:guid}", "ada", $"/connections/{seeded.Available}", "detail-available", ConnectionStatus.Available),
        new("/connections/{Id:guid}", "ada", $"/connections/{seeded.Failed}", "detail-failed", ConnectionStatus.Failed),
        new("/connections/{Id:guid}", "ada", $"/connections/{seeded.Expired}", "detail-expired", ConnectionStatus.Expired),
        new("/connections/{Id:guid}", "ada", $"/connections/{seeded.Deleted}", "detail-deleted", ConnectionStatus.Deleted),
        new("/egress-ips", "ada", "/egress-ips", "egress-ips"),
        new("/notifications", "ada", "/notifications", "notifications"),
        new("/status/404", "ada", "/no-such-page", "not-found"),
        new("/", "sam", "/", "home-support"),
        new("/admin", "sam", "/admin", "admin-home"),
        new("/admin/connections", "sam", "/admin/connections", "admin-connections"),
        new("/admin/connections/{Id:guid}", "sam", $"/admin/connections/{seeded.Failed}", "admin-connection-failed", ConnectionStatus.Failed),
        new("/admin/connections/{Id:guid}", "sam", $"/admin/connections/{seeded.Available}", "admin-connection-available", ConnectionStatus.Available),
        new("/admin/audit", "sam", "/admin/audit", "admin-audit"),
        new("/admin/egress-requests", "sam", "/admin/egress-requests", "admin-egress-requests"),
        new("/admin/notifications", "sam", "/admin/notifications", "admin-notifications"),
        new("/admin/regions", "sam", "/admin/regions", "admin-regions"),
        new("/admin/regions/{Code}", "sam", "/admin/regions/us-east-1", "admin-region-edit"),
        new("/admin/{*Path}", "sam", "/admin/no-such-page", "admin-not-found"),
    ];

    private sealed record SeededConnections(Guid PendingAcceptance, Guid Available, Guid Failed, Guid Expired, Guid Deleted);

    /// <summary>Connections of Ada's workspace in the statuses that read differently, once per fixture.</summary>
    private async Task<SeededConnections> SeedConnectionsAsync()
    {
        var factory = portal.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        ConnectionStatus[] statuses = [ConnectionStatus.PendingAcceptance, ConnectionStatus.Available, ConnectionStatus.Failed, ConnectionStatus.Expired, ConnectionStatus.Deleted];
        var ids = statuses.Select((_, i) => new Guid($"a11a0000-0000-0000-0000-00000000000{i}")).ToArray();
        if (!await db.Connections.AnyAsync(c => c.Id == ids[0]))
        {
            var start = DateTimeOffset.UtcNow.AddHours(-2);
            db.Connections.AddRange(statuses.Select((status, i) => ConnectionSeeds.InStatus(status, "ws-acme",
                $"com.amazonaws.vpce.us-east-1.vpce-svc-0a11a000000000{i:D3}", $"vpce-0a11a0000000000{i:D2}", start.AddMinutes(i * 10),
                id: ids[i], privateDnsName: status == ConnectionStatus.Available ? "db.example.internal" : null)));
            await db.SaveChangesAsync();
        }
        return new SeededConnections(ids[0], ids[1], ids[2], ids[3], ids[4]);
    }
}
