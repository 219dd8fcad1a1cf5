using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.UnitTests.Connections;
using Portal.Web.Hosting;
using Portal.Web.Hosting.Security;
using Portal.Web.Hosting.Telemetry;
using Portal.Web.Provisioning;
using Portal.UnitTests.Provisioning;

namespace Portal.UnitTests.Operations;

public sealed class SecurityHeadersTests
{
    [Fact]
    public void With_entra_id_forms_may_also_go_to_the_authority_and_nothing_else_loosens()
    {
        var headers = SecurityHeaders.For(Configuration(new()
        {
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        }), Environment(Environments.Production));

        Assert.Contains("; form-action 'self' https://login.microsoftonline.com;", headers.ContentSecurityPolicy);
        Assert.Contains("; script-src 'self';", headers.ContentSecurityPolicy);
        Assert.Contains("; connect-src 'self';", headers.ContentSecurityPolicy);
    }

    [Fact]
    public void Without_entra_id_forms_post_only_to_the_portal()
    {
        var headers = SecurityHeaders.For(Configuration(new() { ["AzureAd:Instance"] = "https://login.microsoftonline.com/" }), Environment(Environments.Production));

        Assert.Contains("; form-action 'self';", headers.ContentSecurityPolicy);
    }

    [Theory]
    [InlineData("Development", "1", true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "1", false)]
    public void Only_dotnet_watch_in_development_may_open_its_refresh_websocket(string environment, string? watch, bool allowed)
    {
        var headers = SecurityHeaders.For(Configuration(new() { ["DOTNET_WATCH"] = watch }), Environment(environment));

        Assert.Equal(allowed, headers.ContentSecurityPolicy.Contains("connect-src 'self' ws://localhost:* wss://localhost:*;"));
    }

    [Fact]
    public async Task Hosting_sets_a_year_of_hsts_without_subdomains_or_preload()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.AddPortalHosting();
        await using var services = builder.Services.BuildServiceProvider();

        var hsts = services.GetRequiredService<IOptions<HstsOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(365), hsts.MaxAge);
        Assert.False(hsts.IncludeSubDomains);
        Assert.False(hsts.Preload);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };
}
