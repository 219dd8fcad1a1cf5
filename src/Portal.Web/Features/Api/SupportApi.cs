using Microsoft.Extensions.Options;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Admin.ConnectionGrid;
using Portal.Web.Features.Api.Contracts;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api;

/// <summary>
/// Support's endpoints, across workspaces: the Support role is required by policy, and every service method called
/// here demands it again (<see cref="SupportAccess"/>).
/// </summary>
internal static class SupportApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var support = api.MapGroup("/support/connections").WithTags("Support").RequireAuthorization(ApiPolicies.Support);

        support.MapGet("/", async (HttpContext http, IOptions<PortalIdentityOptions> identity, AdminConnectionQuery query,
                ConnectionStatus? status, string? region, string? workspaceId, string? search, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var request = new PageRequest(page ?? 0, pageSize ?? ConnectionsApi.DefaultPageSize);
                var result = await query.SearchAsync(ApiCaller.From(http, identity.Value), new AdminConnectionFilter(status, region, workspaceId, search),
                    AdminConnectionSort.Newest, request, cancellationToken);
                return TypedResults.Ok(new ApiSupportConnectionPage(
                    result.Items.Select(r => new ApiSupportConnectionRow(r.Id, r.Status, r.WorkspaceId, r.Region, r.ServiceName, r.EndpointId, r.CreatedByName, r.CreatedAt, r.UpdatedAt)).ToList(),
                    request.Page, request.PageSize, result.TotalCount));
            })
            .RequireAuthorization(ApiPolicies.Read)
            .WithName("SupportListConnections").WithSummary("Every workspace's connections, newest first, filtered like the support grid (page is zero-based, pageSize at most 100).")
            .Produces<ApiSupportConnectionPage>();

        support.MapGet("/{connectionId:guid}", async (HttpContext http, IOptions<PortalIdentityOptions> identity, ConnectionSupportActions actions, Guid connectionId, CancellationToken cancellationToken) =>
                await actions.FindAsync(ApiCaller.From(http, identity.Value), connectionId, cancellationToken) is { } connection
                    ? TypedResults.Ok(ApiSupportConnection.From(connection))
                    : ApiProblems.NotFound($"There is no connection {connectionId}."))
            .RequireAuthorization(ApiPolicies.Read)
            .WithName("SupportGetConnection").WithSummary("Any connection with AWS's last word and its timeline.")
            .Produces<ApiSupportConnection>().ProducesProblem(StatusCodes.Status404NotFound);

        support.MapPost("/{connectionId:guid}/retry", async (HttpContext http, IOptions<PortalIdentityOptions> identity, ConnectionSupportActions actions, Guid connectionId, CancellationToken cancellationToken) =>
            {
                var caller = ApiCaller.From(http, identity.Value);
                if (await actions.RetryAsync(caller, connectionId, cancellationToken))
                {
                    return TypedResults.Json(ApiSupportConnection.From((await actions.FindAsync(caller, connectionId, cancellationToken))!), statusCode: StatusCodes.Status202Accepted);
                }
                return await actions.FindAsync(caller, connectionId, cancellationToken) is null
                    ? ApiProblems.NotFound($"There is no connection {connectionId}.")
                    : ApiProblems.Conflict("not-failed", "Only a failed connection can be retried.");
            })
            .RequireAuthorization(ApiPolicies.Manage)
            .WithName("SupportRetryConnection").WithSummary("Put a failed connection back in the worker's queue (the same request runs again).")
            .Produces<ApiSupportConnection>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
