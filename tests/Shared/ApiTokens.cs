using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Tests.Shared;

/// <summary>
/// Access tokens for the API in tests, signed with a key made for this test run. A test host points <c>Api:Bearer</c>
/// at <see cref="Issuer"/> and trusts the key in place of the provider's discovery document; everything else about
/// validation (issuer, audience, lifetime, signature, then the portal's scope, role and workspace rules) is the app's own.
/// </summary>
public static class ApiTokens
{
    public const string Issuer = "https://tokens.portal.test";
    public const string Audience = "portal-api";
    public const string Manage = "connections.manage";
    public const string Read = "connections.read";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "portal-test-key" };

    /// <summary>The settings that make the app accept these tokens (through Microsoft.Identity.Web, as in production).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:Bearer:Authority"] = Issuer,
        ["Api:Bearer:ClientId"] = Audience,
    };

    /// <summary>The provider's signing key, as its discovery document would have published it.</summary>
    public static void TrustTestKey(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public static string Customer(string userId, params string[] workspaces) => Create(userId, workspaces, Manage);

    public static string Support(string userId = "support-1") => Create(userId, [], Manage, support: true);

    public static string Create(string userId, IEnumerable<string> workspaces, string? scope, bool support = false,
        string issuer = Issuer, string audience = Audience, TimeSpan? lifetime = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["oid"] = userId,
            ["name"] = $"API user {userId}",
        };
        var workspaceList = workspaces.ToArray();
        if (workspaceList.Length > 0)
        {
            claims["workspaces"] = workspaceList;
        }
        if (scope is not null)
        {
            claims["scp"] = scope;
        }
        if (support)
        {
            claims["roles"] = new[] { "Support" };
        }
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
