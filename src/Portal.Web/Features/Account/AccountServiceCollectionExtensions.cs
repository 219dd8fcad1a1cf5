using Microsoft.AspNetCore.Components.Web;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// OpenID Connect through Microsoft.Identity.Web when an <c>AzureAd</c> section with a ClientId exists (Entra ID, or any
    /// OpenID Connect provider with <c>Identity:Provider=OpenIdConnect</c>); otherwise the development sign-in, which must be
    /// enabled (Development does so by default).
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PortalIdentityOptions.SectionName);
        services.Configure<PortalIdentityOptions>(section);
        services.AddAccountRateLimits();
        var identity = section.Get<PortalIdentityOptions>() ?? new PortalIdentityOptions();

        var azureAd = configuration.GetSection("AzureAd");
        if (!string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(azureAd);
            // Runs after Microsoft.Identity.Web's own configuration of the scheme.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options => ConfigureOpenIdConnect(options, identity));
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options => ConfigureCookie(options, identity));
        }
        else if (identity.IsDevelopmentSignInEnabled(environment))
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    ConfigureCookie(options, identity);
                    options.LoginPath = "/account/signin";
                });
        }
        else
        {
            throw new InvalidOperationException(
                "No sign-in is configured. Set AzureAd:ClientId (with AzureAd:TenantId and AzureAd:Instance) to use Microsoft Entra ID, " +
                "or set Identity:DevelopmentSignIn=true to allow the demo identities outside Development.");
        }

        services.AddAuthorization(PortalPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, WorkspaceMemberHandler>();
        services.AddCascadingAuthenticationState();
        // Registered before Blazor's own (which only adds one when none is there): open pages notice an expired session.
        services.AddScoped<AuthenticationStateProvider, SessionExpiry>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PageSession>();
        services.AddRazorComponents().RegisterPersistentService<PageSession>(RenderMode.InteractiveServer);
        return services;
    }

    internal static void ConfigureOpenIdConnect(OpenIdConnectOptions options, PortalIdentityOptions identity)
    {
        // Keep the token's claim names (roles, name, sub, oid, the workspace claim): PortalUser and the Support policy read
        // them as they are (mapped, "roles" would become ClaimTypes.Role).
        options.MapInboundClaims = false;
        options.TokenValidationParameters.RoleClaimType = PortalUser.RoleClaimType;
        options.TokenValidationParameters.NameClaimType = PortalUser.NameClaimType;

        if (identity.Provider == IdentityProviderKind.OpenIdConnect)
        {
            // Microsoft.Identity.Web installs Entra's issuer validator (which needs the Entra-only tid claim). Without it the
            // handler checks the issuer against the discovery document's issuer, as OpenID Connect Discovery prescribes.
            options.TokenValidationParameters.IssuerValidator = null;
            // Authorization code flow with PKCE (UsePkce is on by default), the code redeemed with the client secret.
            options.ResponseType = OpenIdConnectResponseType.Code;
        }

        var authority = new Uri(options.Authority ?? throw new InvalidOperationException("AzureAd:Instance and AzureAd:TenantId (or AzureAd:Authority) are required."));
        if (authority.Scheme == Uri.UriSchemeHttp)
        {
            // Metadata and tokens over plain http are acceptable on this machine only (tests and local development).
            if (!IsLoopback(authority))
            {
                throw new InvalidOperationException($"The sign-in authority {authority} uses http: only a loopback authority (tests, local development) may; use https.");
            }
            options.RequireHttpsMetadata = false;
            // The correlation and nonce cookies default to SameSite=None and Secure, which a browser drops on an http portal.
            // Lax cookies go along with a top-level GET, so the provider answers in the query instead of a cross-origin form post.
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
        }

        // Sign-out ends the provider's session too. Without the saved id_token as hint, the client id tells the provider
        // which client's registered post-logout URI to trust.
        var redirectForSignOut = options.Events.OnRedirectToIdentityProviderForSignOut;
        options.Events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            if (string.IsNullOrEmpty(context.ProtocolMessage.IdTokenHint))
            {
                context.ProtocolMessage.ClientId = context.Options.ClientId;
            }
            await redirectForSignOut(context);
        };
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void ConfigureCookie(CookieAuthenticationOptions options, PortalIdentityOptions identity)
    {
        options.Cookie.Name = "portal.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.AccessDeniedPath = "/account/access-denied";
        // Absolute, so an open page (which sends no requests that could slide it) knows when it ends; see SessionExpiry.
        options.SlidingExpiration = false;
        options.ExpireTimeSpan = identity.SessionLifetime;
        options.Events.OnSigningIn = SessionExpiry.StampAsync;
        // Answer 403 in place (the status page renders "Access denied") instead of redirecting to another URL.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
