using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Provisioning.Regions;

/// <summary>Adds regions found in configuration but not yet in the database. Support's later edits are never overwritten.</summary>
public static class RegionSeeder
{
    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, RegionOptions> regions, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var known = await db.RegionSettings.Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var (code, options) in regions.Where(r => !known.Contains(r.Key)))
        {
            db.RegionSettings.Add(new RegionSetting
            {
                Code = code,
                DisplayName = string.IsNullOrWhiteSpace(options.DisplayName) ? code : options.DisplayName,
                Enabled = options.Enabled,
                PrincipalArn = options.PrincipalArn,
                VpcId = options.VpcId,
                SubnetIds = [.. options.SubnetIds],
                SecurityGroupId = options.SecurityGroupId,
                EgressIps = [.. options.EgressIps],
                UpdatedAt = clock.GetUtcNow(),
                UpdatedBy = "configuration",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
