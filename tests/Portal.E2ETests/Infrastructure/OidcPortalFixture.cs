using Microsoft.Extensions.DependencyInjection;

namespace Portal.E2ETests.Infrastructure;

/// <summary>The test OpenID Connect provider and a portal that signs in through it (Microsoft.Identity.Web, configured only).</summary>
public class OidcPortalFixture : IAsyncLifetime
{
    private readonly IDictionary<string, string?> portalSettings;
    private readonly Action<IServiceCollection>? replaceServices;

    public OidcPortalFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected OidcPortalFixture(IDictionary<string, string?> portalSettings, Action<IServiceCollection>? replaceServices = null) =>
        (this.portalSettings, this.replaceServices) = (portalSettings, replaceServices);

    public OidcProvider Provider { get; private set; } = default!;
    public PortalAppHost Host { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        var settings = Provider.PortalSettings();
        foreach (var (key, value) in portalSettings)
        {
            settings[key] = value;
        }
        Host = new PortalAppHost(settings, replaceServices: replaceServices);
        try
        {
            BaseUrl = Host.Start();
        }
        catch
        {
            Host.DeleteDatabase();
            await Provider.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.DeleteDatabase();
        await Provider.DisposeAsync();
    }
}
