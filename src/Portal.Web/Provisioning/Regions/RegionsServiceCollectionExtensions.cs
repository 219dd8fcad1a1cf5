using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Provisioning.Regions;

public static class RegionsServiceCollectionExtensions
{
    public static IServiceCollection AddRegions(this IServiceCollection services) =>
        services.AddSingleton<RegionDirectory>();

    /// <summary>Adds the regions of the <c>Regions</c> section that the database does not have yet (after the migrations).</summary>
    public static async Task SeedRegionSettingsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var regions = services.GetRequiredService<IConfiguration>().GetSection("Regions").Get<Dictionary<string, RegionOptions>>() ?? [];
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        await RegionSeeder.SeedAsync(db, regions, services.GetRequiredService<TimeProvider>(), cancellationToken);
    }
}
