namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// The test OpenID Connect provider and a portal whose API takes that provider's access tokens: <c>Api:Bearer</c> points
/// at its issuer and the keys come from its discovery document and JWKS (the tests' own key is not trusted here).
/// </summary>
public sealed class ProviderApiFixture : IAsyncLifetime
{
    public OidcProvider Provider { get; private set; } = default!;
    public PortalAppHost Host { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        Host = new PortalAppHost(Provider.ApiSettings(), trustTestKey: false);
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
