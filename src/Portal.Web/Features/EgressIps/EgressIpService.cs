using Microsoft.EntityFrameworkCore;
using Portal.Web.Components.Shared;
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
        if (rateLimiter.TryAcquire(caller.Id, workspaceId, LimitedAction.EgressIps).Refusal is { } refusal)
        {
            return new EgressIpOutcome.TooFast(refusal);
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

public abstract record EgressIpOutcome
{
    private EgressIpOutcome() { }

    public sealed record Shown(EgressIpList List) : EgressIpOutcome;

    /// <summary>The caller or the workspace asked too often; <see cref="Message"/> says how long to wait.</summary>
    public sealed record TooFast(string Message) : EgressIpOutcome;

    /// <summary>The region does not exist or is not offered at the moment.</summary>
    public sealed record RegionUnavailable(string Region) : EgressIpOutcome
    {
        public string Message => $"PrivateLink is not offered in {Region} at the moment, so it has no egress IPs to show. Pick another region.";
    }
}

public sealed record EgressIpList(string Region, string RegionName, IReadOnlyList<string> Ips, DateTimeOffset RequestedAt)
{
    /// <summary>One address or block per line, as pasted into a firewall rule.</summary>
    public string AsText() => string.Join('\n', Ips);

    public string FileName => $"egress-ips-{Region}.csv";

    public string AsCsv()
    {
        var csv = new CsvBuilder("region", "egress_ip");
        foreach (var ip in Ips)
        {
            csv.AddRow(Region, ip);
        }
        return csv.ToString();
    }
}
