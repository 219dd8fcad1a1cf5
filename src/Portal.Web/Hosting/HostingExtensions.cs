using Microsoft.AspNetCore.DataProtection;
using Portal.Web.Data;
using Portal.Web.Hosting.Health;
using Portal.Web.Hosting.Limits;
using Portal.Web.Hosting.Security;
using Portal.Web.Hosting.Telemetry;

namespace Portal.Web.Hosting;

/// <summary>
/// What running the portal needs beyond its features, in the manner of eShop's ServiceDefaults: configuration
/// defaults, security headers, limits, circuits, keys, health checks and telemetry. Order-independent: it decorates nothing.
/// </summary>
public static class HostingExtensions
{
    public const string ApplicationName = "PrivateLinkPortal";
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static IHostApplicationBuilder AddPortalHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPortalHealthChecks();
        services.AddSingleton(SecurityHeaders.For(builder.Configuration, builder.Environment));
        // A year: browsers only learn it over HTTPS, and the portal has no reason to ever be served over HTTP again.
        // No includeSubDomains or preload: those commit every sibling host of the domain, which is not ours to decide.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        services.AddPortalLimits(builder.Configuration);

        services.TunePortalCircuits(builder.Environment);
        services.AddPortalKeyStorage(builder.Configuration, builder.Environment);
        builder.AddPortalTelemetry();
        return builder;
    }

    /// <summary>First in the pipeline, so error pages, static files and health answers carry the headers too.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>After authentication: the workspace switcher's limit is per signed-in user.</summary>
    public static IApplicationBuilder UsePortalRateLimiter(this IApplicationBuilder app) =>
        app.UseRateLimiter();

    private static void TunePortalCircuits(this IServiceCollection services, IHostEnvironment environment) =>
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddCircuitOptions(options =>
            {
                // Customers leave the wizard for the AWS console to allowlist our principal; a laptop lid or a VPN
                // reconnect meanwhile should not cost them the wizard, whose state lives only in the circuit (default 3 min).
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(5);
                // The framework default, stated: with the longer retention this is what bounds the memory held for absent users.
                options.DisconnectedCircuitMaxRetained = 100;
                // Our JS calls (copy, focus, cookie, download) finish at once; a call that hangs is a frozen tab, so give
                // up after 15 s instead of holding the component's handler for the default minute.
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(15);
                // Status pushes are small and seconds apart, so a healthy client never has 10 batches unacknowledged;
                // a stalled one stops receiving renders at 10 instead of the server buffering for it without end.
                options.MaxBufferedUnacknowledgedRenderBatches = 10;
                options.DetailedErrors = environment.IsDevelopment();
            })
            .AddHubOptions(options =>
            {
                // The largest message a browser sends us is the circuit start with its prerendered state, a few kB;
                // typed input and interop results are far smaller. Keep the 32 kB default, a bound on what one message costs.
                options.MaximumReceiveMessageSize = 32 * 1024;
                options.EnableDetailedErrors = environment.IsDevelopment();
            });

    /// <summary>
    /// Keys that sign the auth and antiforgery cookies and protect circuit state survive restarts and new containers:
    /// in the portal's database by default, or in <c>DataProtection:KeysFolder</c>.
    /// </summary>
    internal static void AddPortalKeyStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // A fixed name: the default is derived from the content root path, which differs between hosts and images.
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var folder = configuration[KeysFolderKey];
        if (string.IsNullOrWhiteSpace(folder))
        {
            // The key repository resolves the context from a scope; AddDbContextFactory registers it as scoped too.
            dataProtection.PersistKeysToDbContext<PortalDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(folder, environment.ContentRootPath)));
        }
    }
}
