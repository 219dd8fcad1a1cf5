using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Web.Hosting.Health;

namespace Portal.Web.Hosting.Telemetry;

internal static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string OtlpProtocolKey = "Telemetry:OtlpProtocol";

    public static void AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.AddPortalLogging();
        builder.AddOpenTelemetryExport();
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
