using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace Portal.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Entra ID (OpenID Connect through Microsoft.Identity.Web) when an <c>AzureAd</c> section with a ClientId exists;
    /// otherwise the development sign-in, which must be enabled (Development does so by default).
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
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.RoleClaimType = PortalUser.RoleClaimType;
                options.TokenValidationParameters.NameClaimType = PortalUser.NameClaimType;
            });
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
        }
        else if (identity.IsDevelopmentSignInEnabled(environment))
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    ConfigureCookie(options);
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
        services.AddScoped<CurrentUser>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "portal.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.AccessDeniedPath = "/account/access-denied";
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        // Answer 403 in place (the status page renders "Access denied") instead of redirecting to another URL.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
