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
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await RegionSeeder.SeedAsync(db, regions, services.GetRequiredService<TimeProvider>(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time seeded them first: read again and add only what is still missing.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await RegionSeeder.SeedAsync(db, regions, services.GetRequiredService<TimeProvider>(), cancellationToken);
        }
    }
}
