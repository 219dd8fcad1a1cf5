using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin;

/// <summary>The numbers on the support console's start page.</summary>
public sealed class AdminOverviewQuery(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AdminOverview> GetAsync(PortalUser caller, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Connections.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var regions = await db.RegionSettings.AsNoTracking().Select(r => r.Enabled).ToListAsync(cancellationToken);
        var weekAgo = clock.GetUtcNow().AddDays(-7);
        var egressRequests = await db.EgressIpRequests.AsNoTracking().CountAsync(r => r.RequestedAt >= weekAgo, cancellationToken);
        return new AdminOverview(
            [.. Enum.GetValues<ConnectionStatus>().Where(counts.ContainsKey).Select(s => new StatusCount(s, counts[s]))],
            regions.Count(enabled => enabled),
            regions.Count,
            egressRequests);
    }
}
