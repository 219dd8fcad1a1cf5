using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using Portal.ComponentTests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Hosting.Limits;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Regions;

namespace Portal.ComponentTests.Connections;

/// <summary>
/// Both detail pages over the app's own services (its <c>Add…</c> extensions, a temp SQLite file with the real migrations,
/// a fake clock): a change made through the services shows up on the open page without rendering it again.
/// </summary>
public sealed class ConnectionDetailLiveTests : MudTestContext
{
    private static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme"], false);
    private static readonly PortalUser Sam = new("sam", "Sam Support", null, [], true);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-component-{Guid.NewGuid():N}.db");
    private readonly BunitAuthorizationContext authorization;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public ConnectionDetailLiveTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = $"Data Source={databasePath};Pooling=False",
                // No background services run here, but say so: the test changes the connection itself.
                ["Provisioning:Worker:Enabled"] = "false",
                ["Provisioning:Reconciler:Enabled"] = "false",
            })
            .Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddPortalData(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        Services.AddAuditLog();
        Services.AddRegions();
        Services.AddPortalLimits(configuration);
        Services.AddProvisioning(configuration);
        Services.AddPrivateLinkConnections(configuration);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddOptions<PortalIdentityOptions>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<PageSession>();
        authorization = AddAuthorization();
        UseInteractiveServerRenderer();
    }

    private async Task<Connection> SeedAsync(ConnectionStatus status)
    {
        await Services.MigratePortalDatabaseAsync();
        var connection = ConnectionSeeds.InStatus(status, workspaceId: "ws-acme", at: clock.GetUtcNow());
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    /// <summary>Signs the user in (the claims their identity provider would send) and renders the page as they open it.</summary>
    private IRenderedComponent<IComponent> RenderSignedIn<TPage>(PortalUser user, Guid id) where TPage : IComponent
    {
        var claims = user.Workspaces.Select(w => new Claim("workspaces", w))
            .Append(new Claim("sub", user.Id))
            .Append(new Claim(PortalUser.NameClaimType, user.Name));
        if (user.IsSupport)
        {
            claims = claims.Append(new Claim(PortalUser.RoleClaimType, PortalUser.SupportRole));
        }
        authorization.SetAuthorized(user.Name).SetClaims([.. claims]);
        Services.GetRequiredService<PageSession>().WorkspaceId = "ws-acme";
        return Render(builder =>
        {
            builder.OpenComponent<TPage>(0);
            builder.AddAttribute(1, "Id", id);
            builder.CloseComponent();
        });
    }

    private static string StatusShown<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.Find("[data-testid=status-chip]").GetAttribute("data-status")!;

    /// <summary>What screen readers announce: the text of the polite live region, which stays in the page as the status changes.</summary>
    private static string StatusAnnounced<T>(IRenderedComponent<T> page) where T : IComponent
    {
        var region = page.Find("[data-testid=status-announcement]");
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        return System.Text.RegularExpressions.Regex.Replace(region.TextContent, @"\s+", " ").Trim();
    }

    /// <summary>The line under the title, with its white space as a browser shows it.</summary>
    private static string Subtitle<T>(IRenderedComponent<T> page) where T : IComponent =>
        System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=connection-subtitle]").TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task The_customer_page_shows_a_deletion_requested_elsewhere_without_being_rendered_again()
    {
        var connection = await SeedAsync(ConnectionStatus.Available);
        var page = RenderSignedIn<ConnectionDetailPage>(Ada, connection.Id);
        page.WaitForAssertion(() => Assert.Equal("Available", StatusShown(page)));
        Assert.Equal("Connection status: Available", StatusAnnounced(page));
        Assert.NotNull(page.Find("[data-testid=delete-connection]"));
        Assert.StartsWith("us-east-1 · created 2026-11-24 12:00 UTC by Ada Lovelace", Subtitle(page));

        var outcome = await Services.GetRequiredService<ConnectionService>().DeleteAsync(WorkspaceAccess.Grant(Ada, "ws-acme")!, connection.Id);

        Assert.Equal(DeleteOutcome.Requested, outcome);
        page.WaitForAssertion(() =>
        {
            Assert.Equal("Deleting", StatusShown(page));
            Assert.Equal("Connection status: Deleting", StatusAnnounced(page));
            Assert.Equal("Deleting", page.Find("[data-testid=guidance]").GetAttribute("data-status"));
            Assert.Empty(page.FindAll("[data-testid=delete-connection]"));
        });
    }

    [Fact]
    public async Task The_support_page_shows_a_customer_deletion_and_its_audit_entry_without_being_rendered_again()
    {
        var connection = await SeedAsync(ConnectionStatus.Available);
        var page = RenderSignedIn<SupportConnectionPage>(Sam, connection.Id);
        page.WaitForAssertion(() => Assert.Equal("ws-acme", page.Find("[data-testid=support-workspace]").TextContent));
        Assert.StartsWith("Workspace ws-acme · us-east-1 · created 2026-11-24 12:00 UTC by Ada Lovelace", Subtitle(page));

        await Services.GetRequiredService<ConnectionService>().DeleteAsync(WorkspaceAccess.Grant(Ada, "ws-acme")!, connection.Id);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Deleting", StatusShown(page));
            Assert.Contains(AuditActions.ConnectionDeleted, page.Find("[data-testid=support-audit]").TextContent);
            Assert.Empty(page.FindAll("[data-testid=support-delete]"));
        });
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
