using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Account;

internal sealed class WorkspaceMemberHandler(IOptions<PortalIdentityOptions> options) : AuthorizationHandler<WorkspaceMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceMemberRequirement requirement)
    {
        if (PortalUser.FromPrincipal(context.User, options.Value.WorkspaceClaimType).IsCustomer)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
