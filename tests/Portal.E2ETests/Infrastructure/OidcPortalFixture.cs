namespace Portal.E2ETests.Infrastructure;

/// <summary>The test OpenID Connect provider and a portal that signs in through it (Microsoft.Identity.Web, configured only).</summary>
public class OidcPortalFixture : IAsyncLifetime
{
    private readonly TimeSpan? providerSessionLifetime;
    private readonly IDictionary<string, string?> portalSettings;

    public OidcPortalFixture()
        : this(null, new Dictionary<string, string?>())
    {
    }

    protected OidcPortalFixture(TimeSpan? providerSessionLifetime, IDictionary<string, string?> portalSettings) =>
        (this.providerSessionLifetime, this.portalSettings) = (providerSessionLifetime, portalSettings);

    public OidcProvider Provider { get; private set; } = default!;
    public PortalAppHost Host { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync(providerSessionLifetime);
        var settings = Provider.PortalSettings();
        foreach (var (key, value) in portalSettings)
        {
            settings[key] = value;
        }
        Host = new PortalAppHost(settings);
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
