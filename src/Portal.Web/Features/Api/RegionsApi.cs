using Portal.Web.Features.Api.Contracts;
using Portal.Web.Features.EgressIps;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Api;

/// <summary>What the wizard's region and "grant access" steps show, and the egress IPs page.</summary>
internal static class RegionsApi
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder workspace)
    {
        var regions = api.MapGroup("/regions").WithTags("Regions").RequireAuthorization(ApiPolicies.Read);

        regions.MapGet("/", async (RegionDirectory directory, CancellationToken cancellationToken) =>
                TypedResults.Ok((await directory.GetEnabledAsync(cancellationToken)).Select(r => new ApiRegion(r.Code, r.DisplayName, r.PrincipalArn)).ToList()))
            .WithName("ListRegions").WithSummary("The regions the portal offers PrivateLink in, each with the principal ARN to allowlist.")
            .Produces<List<ApiRegion>>();

        regions.MapGet("/{region}", async (RegionDirectory directory, string region, CancellationToken cancellationToken) =>
                await directory.FindAsync(region, cancellationToken) is { Enabled: true } found
                    ? TypedResults.Ok(new ApiRegion(found.Code, found.DisplayName, found.PrincipalArn))
                    : ApiProblems.NotFound(new EgressIpOutcome.RegionUnavailable(region).Message))
            .WithName("GetRegion").WithSummary("One region and the principal ARN to allowlist on your endpoint service there.")
            .Produces<ApiRegion>().ProducesProblem(StatusCodes.Status404NotFound);

        workspace.MapGet("/regions/{region}/egress-ips", async (HttpContext http, EgressIpService egressIps, string region, CancellationToken cancellationToken) =>
                await egressIps.RequestAsync(WorkspaceAccessFilter.Access(http), region, cancellationToken) switch
                {
                    EgressIpOutcome.Shown shown => TypedResults.Ok(new ApiEgressIps(shown.List.Region, shown.List.RegionName, shown.List.Ips, shown.List.RequestedAt)),
                    EgressIpOutcome.TooFast tooFast => ApiProblems.TooManyRequests(http, tooFast.Message, tooFast.RetryAfter),
                    EgressIpOutcome.RegionUnavailable unavailable => ApiProblems.NotFound(unavailable.Message),
                    _ => throw new InvalidOperationException("Unknown egress IP outcome."),
                })
            .RequireAuthorization(ApiPolicies.Read).WithTags("Regions")
            .WithName("GetEgressIps").WithSummary("The region's PrivateLink egress IPs; each request is recorded for the workspace, as on the egress IPs page.")
            .Produces<ApiEgressIps>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
