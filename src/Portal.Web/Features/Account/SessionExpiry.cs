using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Account;

/// <summary>
/// Ends the sign-in of an open page when the session is over. A Blazor circuit keeps the user it started with and makes
/// no HTTP requests, so the cookie's expiry alone would never reach it: the cookie stamps its expiry into a claim at sign-in,
/// and the circuit checks that claim every <see cref="PortalIdentityOptions.SessionCheckInterval"/>. When it is past, the
/// page becomes anonymous and its <c>PageProviders</c> send it to sign-in (<c>RedirectToSignIn</c>), with the page as return URL.
/// </summary>
public sealed class SessionExpiry(ILoggerFactory loggerFactory, IOptions<PortalIdentityOptions> options, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public const string ExpiresClaimType = "portal_session_expires";

    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(IsValid(authenticationState.User, time.GetUtcNow()));

    public static bool IsValid(ClaimsPrincipal user, DateTimeOffset now) =>
        user.FindFirst(ExpiresClaimType)?.Value is not { } value
        || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
        || now < DateTimeOffset.FromUnixTimeSeconds(expires);

    /// <summary>Cookie event: the session's end, as the cookie handler just worked it out, goes into the principal.</summary>
    internal static Task StampAsync(CookieSigningInContext context)
    {
        if (context.Properties.ExpiresUtc is { } expires && context.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(ExpiresClaimType).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(ExpiresClaimType, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        return Task.CompletedTask;
    }
}
