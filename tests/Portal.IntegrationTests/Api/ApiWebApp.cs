using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Portal.Tests.Shared;

namespace Portal.IntegrationTests.Api;

/// <summary>
/// The real portal in memory with its own SQLite file, the simulated AWS backend and the API's bearer authentication
/// pointed at <see cref="ApiTokens.Issuer"/>. Tests keep apart by using their own workspace ids (tokens are minted
/// freely), which also gives each its own rate-limit buckets.
/// </summary>
public sealed class ApiWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-api-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
        builder.UseSetting("Identity:DevelopmentSignIn", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in ApiTokens.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(ApiTokens.TrustTestKey);
    }

    public HttpClient Client(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A customer of one fresh workspace of their own.</summary>
    public (HttpClient Client, string Workspace) NewCustomer(string? scope = ApiTokens.Manage)
    {
        var workspace = $"ws-{Guid.NewGuid():N}"[..16];
        return (Client(ApiTokens.Create($"user-{workspace}", [workspace], scope)), workspace);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalApi : ICollectionFixture<ApiWebApp>
{
    public const string Name = "portal api";
}
