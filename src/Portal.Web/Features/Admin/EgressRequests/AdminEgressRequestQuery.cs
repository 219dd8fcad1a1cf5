using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.EgressIps;

namespace Portal.Web.Features.Admin.EgressRequests;

/// <summary>Who asked for which region's egress IPs, newest first.</summary>
public sealed class AdminEgressRequestQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<PagedResult<EgressIpRequest>> SearchAsync(PortalUser caller, string? workspaceId, PageRequest page, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requests = db.EgressIpRequests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(workspaceId))
        {
            var workspace = workspaceId.Trim();
            requests = requests.Where(r => r.WorkspaceId == workspace);
        }
        var total = await requests.CountAsync(cancellationToken);
        var items = total == 0 ? [] : await requests
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<EgressIpRequest>(items, total);
    }
}
