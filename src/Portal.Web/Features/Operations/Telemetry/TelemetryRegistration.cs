using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Web.Features.Health;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Operations.Telemetry;

internal static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string OtlpProtocolKey = "Telemetry:OtlpProtocol";
    private const string ProvisionerKey = "measured";

    public static void AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<ProvisioningMetrics>();
        builder.Services.TryAddSingleton<ConnectionGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConnectionGauges>());
        builder.Services.DecorateProvisionerWithMetrics();
        builder.AddPortalLogging();
        builder.AddOpenTelemetryExport();
    }

    /// <summary>
    /// Replaces the registered <see cref="IEndpointProvisioner"/> (AWS or simulated, whichever configuration chose)
    /// by <see cref="MeteredEndpointProvisioner"/> around it; the original stays registered under a key.
    /// </summary>
    internal static IServiceCollection DecorateProvisionerWithMetrics(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IEndpointProvisioner) && !d.IsKeyedService);
        if (registered is null)
        {
            return services;
        }
        services.Remove(registered);
        services.Add(registered switch
        {
            { ImplementationInstance: { } instance } => new ServiceDescriptor(typeof(IEndpointProvisioner), ProvisionerKey, instance),
            { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(IEndpointProvisioner), ProvisionerKey, (sp, _) => factory(sp), registered.Lifetime),
            _ => new ServiceDescriptor(typeof(IEndpointProvisioner), ProvisionerKey, registered.ImplementationType!, registered.Lifetime),
        });
        services.Add(new ServiceDescriptor(typeof(IEndpointProvisioner),
            sp => new MeteredEndpointProvisioner(sp.GetRequiredKeyedService<IEndpointProvisioner>(ProvisionerKey), sp.GetRequiredService<ProvisioningMetrics>()),
            registered.Lifetime));
        return services;
    }

    /// <summary>
    /// Scopes on, so the ids the worker, reconciler and connection service put in scope reach every line. Outside
    /// Development one JSON object per line, for log collectors; in Development the readable console format.
    /// </summary>
    private static void AddPortalLogging(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }

    /// <summary>
    /// Traces, metrics and logs over OTLP, only when an endpoint is configured: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// (with the other standard <c>OTEL_*</c> variables) or <c>Telemetry:OtlpEndpoint</c>.
    /// </summary>
    private static void AddOpenTelemetryExport(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration[OtlpEndpointKey];
        var standardVariables = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.IsNullOrWhiteSpace(endpoint) && !standardVariables)
        {
            return;
        }

        var openTelemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("privatelink-portal");
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(PortalTelemetry.MeterName, "System.Runtime", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                // The AWS SDK sends through HttpClient: every EC2 call becomes a span under the provisioner's.
                .AddHttpClientInstrumentation()
                .AddSource(PortalTelemetry.ActivitySourceName))
            .WithLogging(configureBuilder: null, configureOptions: options => options.IncludeScopes = true);

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            openTelemetry.UseOtlpExporter();
        }
        else
        {
            var protocol = configuration[OtlpProtocolKey] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            openTelemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthServiceCollectionExtensions.LivenessPath) || path.StartsWithSegments(HealthServiceCollectionExtensions.ReadinessPath);
}
