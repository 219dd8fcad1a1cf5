using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>The per-user and per-workspace rate limits and caps on customer actions, and the HTTP rate limiter.</summary>
    public static IServiceCollection AddPortalLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<ActionRateLimiter>();
        services.AddPortalHttpRateLimiter();
        return services;
    }
}
