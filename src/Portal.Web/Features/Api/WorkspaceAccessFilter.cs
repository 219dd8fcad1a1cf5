using Microsoft.Extensions.Options;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Api;

/// <summary>
/// Grants the <see cref="WorkspaceAccess"/> of the route's workspace with the pages' one rule (membership in the
/// token's workspace claim), or answers 403. Handlers read it with <see cref="Access"/>; nothing else makes one.
/// </summary>
internal sealed class WorkspaceAccessFilter(IOptions<PortalIdentityOptions> identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var workspaceId = http.GetRouteValue("workspaceId") as string;
        var user = ApiCaller.From(http, identity.Value);
        if (WorkspaceAccess.Grant(user, workspaceId) is not { } access)
        {
            return ApiProblems.NotAMember(workspaceId ?? "");
        }
        http.Items[typeof(WorkspaceAccess)] = access;
        return await next(context);
    }

    public static WorkspaceAccess Access(HttpContext http) =>
        http.Items[typeof(WorkspaceAccess)] as WorkspaceAccess
        ?? throw new InvalidOperationException("The endpoint is not behind the workspace filter.");
}
