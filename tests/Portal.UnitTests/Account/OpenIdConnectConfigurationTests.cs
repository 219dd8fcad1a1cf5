using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Portal.Web.Features.Account;

namespace Portal.UnitTests.Account;

public class OpenIdConnectConfigurationTests
{
    private static OpenIdConnectOptions Configure(string authority, IdentityProviderKind provider)
    {
        var options = new OpenIdConnectOptions { Authority = authority };
        options.TokenValidationParameters.IssuerValidator = (issuer, _, _) => issuer;
        AccountServiceCollectionExtensions.ConfigureOpenIdConnect(options, new PortalIdentityOptions { Provider = provider });
        return options;
    }

    [Fact]
    public void Plain_http_authority_is_refused_unless_it_is_on_loopback()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure("http://idp.example.com/tenant/v2.0", IdentityProviderKind.OpenIdConnect));

        Assert.Contains("loopback", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5100/portal-tests/v2.0")]
    [InlineData("http://localhost:5100/portal-tests/v2.0")]
    public void Loopback_http_authority_reads_metadata_over_http_with_cookies_an_http_portal_keeps(string authority)
    {
        var options = Configure(authority, IdentityProviderKind.OpenIdConnect);

        Assert.False(options.RequireHttpsMetadata);
        Assert.Equal(SameSiteMode.Lax, options.CorrelationCookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.NonceCookie.SecurePolicy);
    }

    [Fact]
    public void Https_authority_keeps_https_metadata()
    {
        var options = Configure("https://login.microsoftonline.com/tenant/v2.0", IdentityProviderKind.Entra);

        Assert.True(options.RequireHttpsMetadata);
        Assert.False(options.MapInboundClaims);
        Assert.Equal(PortalUser.RoleClaimType, options.TokenValidationParameters.RoleClaimType);
    }

    [Fact]
    public void Entra_keeps_its_issuer_validator_and_another_provider_is_checked_against_its_discovery_issuer()
    {
        Assert.NotNull(Configure("https://login.microsoftonline.com/tenant/v2.0", IdentityProviderKind.Entra).TokenValidationParameters.IssuerValidator);

        var other = Configure("https://idp.example.com/tenant/v2.0", IdentityProviderKind.OpenIdConnect);

        Assert.Null(other.TokenValidationParameters.IssuerValidator);
        Assert.Equal("code", other.ResponseType);
    }

    [Fact]
    public void Support_role_from_an_unmapped_roles_claim_counts_whatever_the_identity_role_type()
    {
        var identity = new ClaimsIdentity([new Claim("roles", "Support"), new Claim("sub", "u1")], "oidc", "name", ClaimTypes.Role);

        Assert.True(PortalUser.HasSupportRole(new ClaimsPrincipal(identity)));
        Assert.False(PortalUser.HasSupportRole(new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "Support")]))));
    }

    [Fact]
    public void Session_is_valid_until_its_stamped_end()
    {
        var end = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionExpiry.ExpiresClaimType, end.ToUnixTimeSeconds().ToString())], "cookie"));

        Assert.True(SessionExpiry.IsValid(user, end.AddSeconds(-1)));
        Assert.False(SessionExpiry.IsValid(user, end));
    }
}
