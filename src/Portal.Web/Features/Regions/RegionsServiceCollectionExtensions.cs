namespace Portal.Web.Features.Regions;

public static class RegionsServiceCollectionExtensions
{
    public static IServiceCollection AddRegions(this IServiceCollection services) =>
        services.AddSingleton<RegionDirectory>();
}
