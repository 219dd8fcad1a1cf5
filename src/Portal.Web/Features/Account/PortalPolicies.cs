using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Features.Account;

public static class PortalPolicies
{
    public const string Support = "Support";
    public const string WorkspaceMember = "WorkspaceMember";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Support, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => PortalUser.HasSupportRole(context.User)));
        options.AddPolicy(WorkspaceMember, policy => policy.RequireAuthenticatedUser().AddRequirements(new WorkspaceMemberRequirement()));
        // Every page and endpoint needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
