using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>Lists and edits per-region settings for support. Every method checks the caller itself.</summary>
public sealed class RegionSettingsService(IDbContextFactory<PortalDbContext> dbFactory, RegionSettingsValidator validator, AuditLog audit, TimeProvider clock)
{
    // ARNs contain '+' and '@', which the default encoder escapes; the details are shown as text, never as HTML.
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<RegionSummary>> ListAsync(PortalUser caller, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regions = await db.RegionSettings.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        // Uses the (Region, Status) index; deleted connections do not count as live.
        var live = await db.Connections.AsNoTracking()
            .Where(c => c.Status != ConnectionStatus.Deleted)
            .GroupBy(c => c.Region)
            .Select(g => new { Region = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Region, g => g.Count, cancellationToken);
        return [.. regions.Select(r => new RegionSummary(r, live.GetValueOrDefault(r.Code)))];
    }

    public async Task<RegionSetting?> FindAsync(PortalUser caller, string code, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegionSettings.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
    }

    /// <summary>
    /// Validates again (the form may have been bypassed), refuses to overwrite a save made since the editor loaded,
    /// and writes the change and its audit entry (changed fields, old and new) in one transaction.
    /// </summary>
    public async Task<RegionSaveResult> SaveAsync(PortalUser caller, RegionSettingsInput input, CancellationToken cancellationToken = default)
    {
        SupportAccess.Demand(caller);
        var normalized = input.Normalized();
        var validation = await validator.ValidateAsync(normalized, cancellationToken);
        if (!validation.IsValid)
        {
            return new RegionSaveResult.Invalid([.. validation.Errors.Select(e => e.ErrorMessage)]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SQLite's BEGIN IMMEDIATE: the check below and the write cannot interleave with another save.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var region = await db.RegionSettings.FirstOrDefaultAsync(r => r.Code == normalized.Code, cancellationToken);
        if (region is null)
        {
            return new RegionSaveResult.NotFound();
        }
        if (region.UpdatedAt != normalized.LoadedUpdatedAt)
        {
            return new RegionSaveResult.Conflict(region.UpdatedBy ?? "someone", region.UpdatedAt);
        }

        var changes = DescribeChanges(region, normalized);
        if (changes.Count == 0)
        {
            return new RegionSaveResult.Unchanged();
        }

        region.Enabled = normalized.Enabled;
        region.DisplayName = normalized.DisplayName;
        region.PrincipalArn = normalized.PrincipalArn;
        region.VpcId = normalized.VpcId;
        region.SubnetIds = normalized.SubnetIds;
        region.SecurityGroupId = normalized.SecurityGroupId;
        region.EgressIps = normalized.EgressIps;
        region.UpdatedAt = clock.GetUtcNow();
        region.UpdatedBy = caller.Name;
        audit.Add(db, caller, AuditActions.RegionSettingsChanged, AuditOutcome.Succeeded,
            details: new JsonObject { ["region"] = region.Code, ["changes"] = changes }.ToJsonString(CompactJson));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegionSaveResult.Saved(region);
    }

    /// <summary>Only the fields that changed, each as {"old": …, "new": …}.</summary>
    internal static JsonObject DescribeChanges(RegionSetting before, RegionSettingsInput after)
    {
        var changes = new JsonObject();
        void Compare(string field, JsonNode? old, JsonNode? @new)
        {
            if (!JsonNode.DeepEquals(old, @new))
            {
                changes[field] = new JsonObject { ["old"] = old, ["new"] = @new };
            }
        }
        static JsonArray List(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)v)];

        Compare("enabled", before.Enabled, after.Enabled);
        Compare("displayName", before.DisplayName, after.DisplayName);
        Compare("principalArn", before.PrincipalArn, after.PrincipalArn);
        Compare("vpcId", before.VpcId, after.VpcId);
        Compare("subnetIds", List(before.SubnetIds), List(after.SubnetIds));
        Compare("securityGroupId", before.SecurityGroupId, after.SecurityGroupId);
        Compare("egressIps", List(before.EgressIps), List(after.EgressIps));
        return changes;
    }
}
