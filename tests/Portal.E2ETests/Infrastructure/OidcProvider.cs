using System.Diagnostics;
using System.Text.Json;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// The test OpenID Connect provider (tests/oidc-provider: npm oidc-provider) as a node process on a free loopback port.
/// tests/run.sh installs its packages (npm ci); the accounts and clients are in that folder.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string Tenant = "portal-tests";
    public const string PortalClientId = "portal";
    public const string PortalClientSecret = "portal-test-secret";
    /// <summary>The resource (RFC 8707) the provider issues the portal API's access tokens for: their <c>aud</c>.</summary>
    public const string ApiAudience = "api://portal-api";
    /// <summary>A second resource the provider knows: a genuine token from it is for someone else.</summary>
    public const string OtherAudience = "api://other-api";
    /// <summary>Client credentials callers of the API: the workspaces ws-acme and ws-acme-staging; the Support role.</summary>
    public const string AcmeApiClient = "portal-api-acme";
    public const string SupportApiClient = "portal-api-support";

    private readonly Process process;

    private OidcProvider(Process process, string issuer, string instance) => (this.process, Issuer, Instance) = (process, issuer, instance);

    /// <summary>e.g. http://127.0.0.1:40123/portal-tests/v2.0</summary>
    public string Issuer { get; }
    /// <summary>e.g. http://127.0.0.1:40123/ (Microsoft.Identity.Web's AzureAd:Instance).</summary>
    public string Instance { get; }

    /// <summary>How Microsoft.Identity.Web is pointed at this provider: configuration only.</summary>
    public IDictionary<string, string?> PortalSettings() => new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = Instance,
        ["AzureAd:TenantId"] = Tenant,
        ["AzureAd:ClientId"] = PortalClientId,
        ["AzureAd:ClientSecret"] = PortalClientSecret,
        ["AzureAd:CallbackPath"] = "/signin-oidc",
        ["Identity:Provider"] = "OpenIdConnect",
        ["Identity:DevelopmentSignIn"] = "false",
    };

    /// <summary>How the portal's API is pointed at this provider: keys from its discovery document, tokens for <see cref="ApiAudience"/>.</summary>
    public IDictionary<string, string?> ApiSettings() => new Dictionary<string, string?>
    {
        ["Api:Bearer:Authority"] = Issuer,
        ["Api:Bearer:ClientId"] = ApiAudience,
    };

    /// <summary>An access token of the client credentials grant (client secret <c>{clientId}-secret</c>), as a script would get one.</summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string scope, string resource = ApiAudience)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = $"{clientId}-secret",
            ["resource"] = resource,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The provider refused a token to {clientId} for {resource} ({scope}): {(int)response.StatusCode} {body}");
        }
        using var token = JsonDocument.Parse(body);
        return token.RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<OidcProvider> StartAsync(TimeSpan? sessionLifetime = null)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "oidc-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"The test OpenID Connect provider's packages are not installed: run ./tests/run.sh (or npm ci in {folder}).");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "server.js", "--port", "0", "--session-ttl", ((int)(sessionLifetime ?? TimeSpan.FromHours(1)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start: is Node.js installed? (tests/run.sh installs it)");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"The test OpenID Connect provider exited at start: {errors}");
            }
            using var ready = JsonDocument.Parse(line);
            // Keep reading stdout so the process never blocks on a full pipe.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            return new OidcProvider(process, ready.RootElement.GetProperty("issuer").GetString()!, ready.RootElement.GetProperty("instance").GetString()!);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
