using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        var identity = endpoints.ServiceProvider.GetRequiredService<IOptions<PortalIdentityOptions>>().Value;
        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (identity.IsDevelopmentSignInEnabled(environment))
        {
            // Development only: the form posts here with the antiforgery token the page rendered.
            account.MapPost("/dev-signin", async (HttpContext context, [FromForm] string identityKey, [FromForm] string? returnUrl) =>
            {
                var demo = DemoIdentities.Find(identityKey);
                if (demo is null)
                {
                    return Results.BadRequest("Unknown demo identity.");
                }
                var principal = DemoIdentities.ToPrincipal(demo, identity.WorkspaceClaimType, CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return Results.LocalRedirect(SafeReturnUrl(returnUrl));
            }).AllowAnonymous().RequireRateLimiting(AccountRateLimitPolicies.SignIn);
        }

        account.MapPost("/signout", async (HttpContext context, IAuthenticationSchemeProvider schemes) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null)
            {
                // The provider ends its session too, then sends the browser back through /signout-callback-oidc to here.
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, [OpenIdConnectDefaults.AuthenticationScheme]);
            }
            return Results.LocalRedirect("/account/signed-out");
        });

        // Used by the interactive app when a sign-in is needed: the configured scheme decides where to go (Entra ID or the dev page).
        account.MapGet("/challenge", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }))
            .AllowAnonymous();

        // The workspace switcher: remembers the choice in a cookie, but only for a workspace the user belongs to.
        account.MapGet("/workspace", (HttpContext context, string id, string? returnUrl) =>
        {
            var user = PortalUser.FromPrincipal(context.User, identity.WorkspaceClaimType);
            if (!user.IsMemberOf(id))
            {
                return Results.Forbid();
            }
            context.Response.Cookies.Append(PortalSession.WorkspaceCookie, id, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireRateLimiting(AccountRateLimitPolicies.WorkspaceSwitch);

        return endpoints;
    }

    /// <summary>Only local paths, so a crafted link cannot bounce a signed-in user to another site.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
