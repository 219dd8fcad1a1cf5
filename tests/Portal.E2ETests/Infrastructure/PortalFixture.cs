namespace Portal.E2ETests.Infrastructure;

/// <summary>One portal (simulated provisioner, short delays) shared by the tests of a class.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalAppHost Host { get; } = new();
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
