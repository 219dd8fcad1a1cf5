namespace Portal.E2ETests.Infrastructure;

/// <summary>One portal (simulated provisioner, short delays) shared by the tests of a class.</summary>
public class PortalFixture : IAsyncLifetime
{
    public PortalFixture()
        : this(null)
    {
    }

    /// <param name="settings">Settings this portal overrides, e.g. tiny limits; see <see cref="PortalAppHost"/>.</param>
    protected PortalFixture(IDictionary<string, string?>? settings) => Host = new PortalAppHost(settings);

    public PortalAppHost Host { get; }
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        try
        {
            BaseUrl = Host.Start();
        }
        catch
        {
            Host.DeleteDatabase();
            throw;
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.DeleteDatabase();
    }
}
