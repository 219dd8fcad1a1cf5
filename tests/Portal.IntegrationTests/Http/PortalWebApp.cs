using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// The real portal in memory (no browser, no port): Development environment with the development sign-in, its own
/// temp SQLite file and the real migrations. One app for every test of the <see cref="PortalOverHttp"/> collection.
/// </summary>
public sealed class PortalWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-http-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
        builder.UseSetting("Identity:DevelopmentSignIn", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so each status can be asserted.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Signs in with a demo identity the way a browser does: opens the development sign-in page, takes the form of
    /// that identity (its antiforgery token and hidden fields), posts it and keeps the cookies it gets back.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string identityKey)
    {
        var client = CreateAnonymousClient();
        var page = await client.GetStringAsync("/account/signin");
        var form = Regex.Matches(page, "<form[^>]*>.*?</form>", RegexOptions.Singleline)
            .Select(m => m.Value)
            .Single(f => f.Contains($"name=\"identityKey\" value=\"{identityKey}\"", StringComparison.Ordinal));
        var action = WebUtility.HtmlDecode(Regex.Match(form, "action=\"([^\"]+)\"").Groups[1].Value);
        var fields = Regex.Matches(form, "<input[^>]*>")
            .Select(input => (Name: Attribute(input.Value, "name"), Value: Attribute(input.Value, "value") ?? ""))
            .Where(field => field.Name is not null)
            .Select(field => new KeyValuePair<string, string>(field.Name!, field.Value))
            .ToList();
        Assert.Contains(fields, field => field.Key == "__RequestVerificationToken" && field.Value.Length > 0);

        using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("portal.auth=", StringComparison.Ordinal));
        return client;
    }

    private static string? Attribute(string element, string name)
    {
        var match = Regex.Match(element, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
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

/// <summary>The HTTP-level tests share one in-memory portal: starting one costs seconds, their requests milliseconds.</summary>
[CollectionDefinition(Name)]
public sealed class PortalOverHttp : ICollectionFixture<PortalWebApp>
{
    public const string Name = "portal over http";
}
