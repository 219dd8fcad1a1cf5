using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;

namespace Portal.IntegrationTests.Health;

public sealed class StartupTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-startup-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("Identity:DevelopmentSignIn", "true");
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_up_applies_the_migrations_and_healthz_reports_healthy()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().FirstAsync());
    }

    [Fact]
    public async Task Region_settings_are_seeded_from_configuration_with_us_and_eu_regions()
    {
        using var client = app.CreateClient();
        await client.GetAsync("/healthz");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var regions = await db.RegionSettings.Select(r => r.Code).ToListAsync();

        Assert.Contains("us-east-1", regions);
        Assert.Contains("eu-west-1", regions);
        Assert.All(await db.RegionSettings.ToListAsync(), r =>
        {
            Assert.StartsWith("arn:aws:iam::", r.PrincipalArn);
            Assert.StartsWith("vpc-", r.VpcId);
            Assert.NotEmpty(r.SubnetIds);
            Assert.NotEmpty(r.EgressIps);
        });
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user_and_the_dev_sign_in_is_reachable_only_when_enabled()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        var signIn = await client.GetAsync("/account/signin");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/signin", home.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_its_antiforgery_token_is_a_400_not_a_server_error()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent([new("identityKey", "ada")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task With_entra_configured_in_production_the_development_sign_in_does_not_exist()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001");
            builder.UseSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");
        });
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync("/account/signin");
        var post = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent([new("identityKey", "sam")]));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Sam Support", await page.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void Production_without_entra_or_explicit_dev_sign_in_refuses_to_start()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
        });

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("No sign-in is configured", error.ToString());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
