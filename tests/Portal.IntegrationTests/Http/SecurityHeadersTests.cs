namespace Portal.IntegrationTests.Http;

/// <summary>The security headers on anonymous, signed-in, static and error responses of the real app.</summary>
[Collection(PortalOverHttp.Name)]
public sealed class SecurityHeadersTests(PortalWebApp app)
{
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/js/portal.js")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_signed_in_page_response_carries_the_same_security_headers()
    {
        using var ada = await app.SignInAsync("ada");

        using var response = await ada.GetAsync("/connections");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(ExpectedPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("accelerometer=(), camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        // HSTS only outside Development and only over HTTPS; this host is Development over HTTP.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
