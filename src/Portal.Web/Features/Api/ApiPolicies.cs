using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Api;

/// <summary>
/// Authorization of the API: bearer tokens only (never the portal's cookie, so no cross-site request can act through
/// a signed-in browser), a scope for reading or changing, and the <c>Support</c> role for support's endpoints.
/// Workspace membership is checked per request by <see cref="WorkspaceAccessFilter"/>, with the pages' rule.
/// </summary>
public static class ApiPolicies
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    public const string Read = "Api.Read";
    public const string Manage = "Api.Manage";
    public const string Support = "Api.Support";

    private static readonly string[] ScopeClaimTypes = ["scp", "scope", "http://schemas.microsoft.com/identity/claims/scope"];

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, Bearer().RequireAssertion(context => HasScope(context.User, ApiScopes.Read) || HasScope(context.User, ApiScopes.Manage)).Build());
        options.AddPolicy(Manage, Bearer().RequireAssertion(context => HasScope(context.User, ApiScopes.Manage)).Build());
        options.AddPolicy(Support, Bearer().RequireRole(PortalUser.SupportRole).Build());
    }

    /// <summary>Scopes arrive as one space-separated claim (Entra ID, most providers) or one claim per scope.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.Claims
            .Where(c => ScopeClaimTypes.Contains(c.Type, StringComparer.Ordinal))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    private static AuthorizationPolicyBuilder Bearer() =>
        new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser();
}
