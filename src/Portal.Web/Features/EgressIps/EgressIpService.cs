using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Hosting.Limits;

namespace Portal.Web.Features.EgressIps;

/// <summary>
/// Hands a workspace member the PrivateLink egress IPs of an enabled region, recording who asked (request row and
/// audit entry, saved together). Membership is proven by the caller's <see cref="WorkspaceAccess"/>.
/// </summary>
public sealed class EgressIpService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, ActionRateLimiter rateLimiter, TimeProvider clock)
{
    public async Task<EgressIpOutcome> RequestAsync(WorkspaceAccess access, string regionCode, CancellationToken cancellationToken = default)
    {
        var (caller, workspaceId) = (access.User, access.WorkspaceId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (rateLimiter.TryAcquire(caller.Id, workspaceId, LimitedAction.EgressIps) is { IsAllowed: false } limited)
        {
            return new EgressIpOutcome.TooFast(limited.Refusal!, limited.RetryAfter);
        }

        var region = await db.RegionSettings.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, cancellationToken);
        if (region is not { Enabled: true })
        {
            return new EgressIpOutcome.RegionUnavailable(regionCode);
        }

        var requestedAt = clock.GetUtcNow();
        db.EgressIpRequests.Add(new EgressIpRequest
        {
            WorkspaceId = workspaceId,
            Region = region.Code,
            RequestedById = caller.Id,
            RequestedByName = caller.Name,
            RequestedAt = requestedAt,
        });
        audit.Add(db, caller, AuditActions.EgressIpsRequested, AuditOutcome.Succeeded,
            workspaceId: workspaceId, details: $"Region {region.Code}: {region.EgressIps.Count} egress IPs shown.");
        await db.SaveChangesAsync(cancellationToken);
        return new EgressIpOutcome.Shown(new EgressIpList(region.Code, region.DisplayName, region.EgressIps, requestedAt));
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
