using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting.Limits;

namespace Portal.Web.Features.Account;

/// <summary>Rate-limiting policies for the account endpoints a person can hammer (the sign-in form, the workspace switch).</summary>
public static class AccountRateLimitPolicies
{
    /// <summary>Per client address: the sign-in form is posted before anyone is known.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Per signed-in user.</summary>
    public const string WorkspaceSwitch = "workspace-switch";

    internal static IServiceCollection AddAccountRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
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
}
