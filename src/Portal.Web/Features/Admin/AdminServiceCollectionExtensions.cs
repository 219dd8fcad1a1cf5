using Portal.Web.Features.Admin.AuditView;
using Portal.Web.Features.Admin.ConnectionGrid;
using Portal.Web.Features.Admin.EgressRequests;
using Portal.Web.Features.Admin.RegionEditor;

namespace Portal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The support console's queries and services. All stateless (a context per call), so singletons.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminOverviewQuery>();
        services.AddSingleton<AdminConnectionQuery>();
        services.AddSingleton<AdminAuditQuery>();
        services.AddSingleton<AdminEgressRequestQuery>();
        services.AddSingleton<RegionSettingsValidator>();
        services.AddSingleton<RegionSettingsService>();
        return services;
    }
}
