namespace Portal.Web.Provisioning.Regions;

public static class RegionsServiceCollectionExtensions
{
    public static IServiceCollection AddRegions(this IServiceCollection services) =>
        services.AddSingleton<RegionDirectory>();
}
