using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Provisioning.Regions;

/// <summary>Reads region settings for customers and for the provisioners.</summary>
public sealed class RegionDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RegionSetting>> GetEnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegionSettings.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Code).ToListAsync(cancellationToken);
    }

    public async Task<RegionSetting?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegionSettings.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
    }
}
