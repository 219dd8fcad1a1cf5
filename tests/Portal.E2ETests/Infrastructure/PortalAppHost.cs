using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Shared;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// The real portal on a loopback port with its own temp SQLite file and the real migrations.
/// Settings can be overridden per host (provisioner mode, delays, …).
/// </summary>
public sealed class PortalAppHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? replaceServices;
    private readonly bool trustTestKey;

    /// <param name="replaceServices">Registrations that replace the app's own, e.g. a clock the test moves.</param>
    /// <param name="trustTestKey">
    /// Whether the API takes the tests' own tokens (<see cref="ApiTokens"/>). False for a host whose <c>Api:Bearer</c> points at a
    /// real provider: its keys then come from the provider's discovery document and JWKS, as in production.
    /// </param>
    public PortalAppHost(IDictionary<string, string?>? overrides = null, string? databasePath = null, Action<IServiceCollection>? replaceServices = null,
        bool trustTestKey = true)
    {
        this.replaceServices = replaceServices;
        this.trustTestKey = trustTestKey;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"portal-e2e-{Guid.NewGuid():N}.db");
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}",
            ["Identity:DevelopmentSignIn"] = "true",
            ["Provisioning:Simulated:PendingDelay"] = "00:00:02",
            ["Provisioning:Simulated:VerifyLatency"] = "00:00:00.100",
            ["Provisioning:Simulated:CreateLatency"] = "00:00:00.100",
            ["Provisioning:Simulated:DeletingDelay"] = "00:00:01",
            ["Provisioning:Worker:PollInterval"] = "00:00:00.500",
            ["Provisioning:Reconciler:Tick"] = "00:00:00.500",
            ["Provisioning:Reconciler:FastPollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // The API accepts the tests' own access tokens (ApiTokens), validated by the app's real bearer setup.
        if (trustTestKey)
        {
            foreach (var (key, value) in ApiTokens.Settings)
            {
                settings[key] = value;
            }
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts Kestrel on a free loopback port and returns the address it listens on.</summary>
    public string Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        return BaseUrl;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(RepositoryRoot.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (trustTestKey)
        {
            builder.ConfigureTestServices(ApiTokens.TrustTestKey);
        }
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }

    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
        }
    }
}

public static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output folder.");
    }
}
