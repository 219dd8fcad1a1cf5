using Microsoft.Extensions.Options;
using Portal.Web.Hosting.Health;

namespace Portal.Web.Provisioning.Aws;

internal static class AwsServiceCollectionExtensions
{
    /// <summary>Registers the AWS provisioner; start-up fails with a clear message when a region's settings are incomplete.</summary>
    public static IServiceCollection AddAwsProvisioner(this IServiceCollection services, IConfiguration configuration)
    {
        // SDK v4 returns null instead of empty lists unless told otherwise; the provisioner relies on empty lists.
        Amazon.AWSConfigs.InitializeCollections = true;

        services.AddOptions<AwsRegionsOptions>()
            .Configure(options => configuration.GetSection(AwsRegionsOptions.SectionName).Bind(options.Regions))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AwsRegionsOptions>, AwsRegionsOptionsValidator>();
        services.AddSingleton<Ec2ClientFactory>();
        services.AddSingleton<WorkspaceIsolationGroups>();
        services.AddSingleton<AwsEndpointProvisioner>();
        services.AddHealthChecks().AddCheck<AwsRegionSettingsHealthCheck>("aws-region-settings", tags: [HealthServiceCollectionExtensions.ReadyTag]);
        return services;
    }
}
