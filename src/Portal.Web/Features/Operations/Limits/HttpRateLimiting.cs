using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Operations.Limits;

/// <summary>Rate-limiting policies for the few plain HTTP endpoints a person can hammer (forms and redirects).</summary>
public static class PortalRateLimitPolicies
{
    /// <summary>Per client address: the sign-in form is posted before anyone is known.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Per signed-in user.</summary>
    public const string WorkspaceSwitch = "workspace-switch";

    internal static IServiceCollection AddPortalHttpRateLimiter(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRefusalAsync;
            options.AddPolicy(SignIn, context =>
                RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => Limits(context).SignIn.ToLimiterOptions()));
            options.AddPolicy(WorkspaceSwitch, context =>
                RateLimitPartition.GetTokenBucketLimiter(UserKey(context),
                    _ => Limits(context).WorkspaceSwitch.ToLimiterOptions()));
        });

    private static LimitsOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;

    private static string UserKey(HttpContext context)
    {
        var claimType = context.RequestServices.GetRequiredService<IOptions<PortalIdentityOptions>>().Value.WorkspaceClaimType;
        var user = PortalUser.FromPrincipal(context.User, claimType);
        return user.IsAuthenticated ? $"user:{user.Id}" : $"address:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask WriteRefusalAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A body keeps the status-code pages from replacing the message with a generic error page.
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(LimitMessages.GoingTooFast(retryAfter), cancellationToken);
    }
}
