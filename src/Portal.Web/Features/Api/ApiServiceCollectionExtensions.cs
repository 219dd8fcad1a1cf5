using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The REST API's bearer authentication (Microsoft.Identity.Web, scheme <c>Bearer</c>, next to the pages' cookie
    /// sign-in), its authorization policies, JSON and the OpenAPI document. Without <c>Api:Bearer:ClientId</c> the API
    /// is still mapped but refuses every token.
    /// </summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ApiBearerOptions.SectionName);
        var bearer = section.Get<ApiBearerOptions>() ?? new ApiBearerOptions();
        var metadataOverHttp = MetadataOverHttp(bearer);

        // Registered before Microsoft.Identity.Web's own configuration, which keeps what is set here (issuer, audience).
        services.Configure<JwtBearerOptions>(ApiPolicies.Scheme, options => ConfigureBearer(options, bearer, metadataOverHttp));
        var authentication = services.AddAuthentication();
        if (bearer.IsConfigured)
        {
            authentication.AddMicrosoftIdentityWebApi(section, ApiPolicies.Scheme);
            // Every endpoint demands its scope or role (ApiPolicies); the library's coarser "some scope or role" check
            // would refuse providers that name the claim "scope" instead of "scp".
            services.Configure<MicrosoftIdentityOptions>(ApiPolicies.Scheme, options => options.AllowWebApiToBeAuthorizedByACL = true);
        }
        else
        {
            // No authority and no keys: every token fails validation, so the API answers 401.
            authentication.AddJwtBearer(ApiPolicies.Scheme);
        }

        services.AddAuthorization(ApiPolicies.Add);
        services.AddSingleton<WorkspaceAccessFilter>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddPortalOpenApi();
        return services;
    }

    /// <summary>
    /// The web sign-in's rule: the provider's metadata and keys over plain http only from this machine (tests, local
    /// development). An http provider anywhere else stops the start.
    /// </summary>
    private static bool MetadataOverHttp(ApiBearerOptions bearer)
    {
        var address = string.IsNullOrWhiteSpace(bearer.MetadataAddress) ? bearer.Authority : bearer.MetadataAddress;
        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }
        return AccountServiceCollectionExtensions.IsLoopback(uri)
            ? true
            : throw new InvalidOperationException($"The API's token provider {address} uses http: only a loopback provider (tests, local development) may; use https.");
    }

    private static void ConfigureBearer(JwtBearerOptions options, ApiBearerOptions bearer, bool metadataOverHttp)
    {
        // Claims keep the names they have in the token, as the portal's rules read them (roles, name, the workspace claim).
        options.MapInboundClaims = false;
        options.TokenValidationParameters.RoleClaimType = PortalUser.RoleClaimType;
        options.TokenValidationParameters.NameClaimType = PortalUser.NameClaimType;
        options.RequireHttpsMetadata = !metadataOverHttp;
        if (!string.IsNullOrWhiteSpace(bearer.Audience))
        {
            options.TokenValidationParameters.ValidAudience = bearer.Audience;
        }
        if (!string.IsNullOrWhiteSpace(bearer.Authority))
        {
            // Any OpenID Connect provider: its own discovery document, issuer and audience, not Entra ID's rules
            // (Microsoft.Identity.Web appends /v2.0 to the authority and picks the audience by Entra's token versions).
            var authority = bearer.Authority.TrimEnd('/');
            options.TokenValidationParameters.ValidAudience = bearer.Audience ?? bearer.ClientId;
            options.MetadataAddress = bearer.MetadataAddress ?? $"{authority}/.well-known/openid-configuration";
            string[] issuers = bearer.ValidIssuers.Length > 0 ? bearer.ValidIssuers : [authority, authority + "/"];
            options.TokenValidationParameters.ValidIssuers = issuers;
            options.TokenValidationParameters.IssuerValidator = (issuer, _, _) => issuers.Contains(issuer, StringComparer.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not accepted.") { InvalidIssuer = issuer };
        }
        options.Events ??= new JwtBearerEvents();
        options.Events.OnChallenge = async context =>
        {
            // Problem details instead of an empty 401 (which the status pages would turn into an HTML page).
            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, ApiProblems.Code("unauthorized"), "Unauthorized",
                context.AuthenticateFailure is null
                    ? "Send an access token for the portal's API in the Authorization header (Bearer)."
                    : "The access token was refused: it is expired, not signed by the configured provider, or for another audience.")
                .ExecuteAsync(context.HttpContext);
        };
        options.Events.OnForbidden = context =>
            ApiProblems.Problem(StatusCodes.Status403Forbidden, ApiProblems.Code("forbidden"), "Forbidden",
                $"The token does not allow this. Reading needs the scope {ApiScopes.Read} or {ApiScopes.Manage}, changing needs {ApiScopes.Manage}, and support endpoints need the {PortalUser.SupportRole} role.")
                .ExecuteAsync(context.HttpContext);
    }
}
