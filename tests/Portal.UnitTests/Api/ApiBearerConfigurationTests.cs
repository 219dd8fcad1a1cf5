using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Api;

namespace Portal.UnitTests.Api;

/// <summary>The API's token provider over plain http: the web sign-in's rule, this machine only.</summary>
public class ApiBearerConfigurationTests
{
    private static IServiceCollection AddApi(string authority)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Bearer:Authority"] = authority,
            ["Api:Bearer:ClientId"] = "api://portal-api",
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton(configuration).AddPortalApi(configuration);
    }

    [Fact]
    public void A_plain_http_provider_that_is_not_on_loopback_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddApi("http://idp.example.com/portal/v2.0"));

        Assert.Contains("loopback", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5300/portal-tests/v2.0", false)]
    [InlineData("http://localhost:5300/portal-tests/v2.0", false)]
    [InlineData("https://idp.example.com/portal/v2.0", true)]
    public void Metadata_is_read_over_http_only_from_a_loopback_provider(string authority, bool requireHttps)
    {
        using var services = AddApi(authority).BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(ApiPolicies.Scheme);

        Assert.Equal(requireHttps, options.RequireHttpsMetadata);
        Assert.Equal($"{authority}/.well-known/openid-configuration", options.MetadataAddress);
    }
}
