using Portal.Web.Hosting.Telemetry;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portal.Web.Provisioning;

/// <summary>Calls to the provisioner (AWS or simulated): how many, how long, and which failed how, per operation and region.</summary>
public sealed class ProvisioningMetrics
{
    public const string Success = "success";

    private readonly Counter<long> calls;
    private readonly Histogram<double> duration;
    private readonly Counter<long> errors;

    public ProvisioningMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PortalTelemetry.MeterName);
        calls = meter.CreateCounter<long>("portal.provisioner.calls", "{call}", "Provisioner calls, by operation, region and outcome.");
        duration = meter.CreateHistogram<double>("portal.provisioner.call.duration", "s", "How long provisioner calls take, by operation, region and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40] });
        errors = meter.CreateCounter<long>("portal.provisioner.errors", "{error}", "Provisioner calls that failed, by operation, region and kind.");
    }

    /// <summary>Runs one provisioner call inside a span and records it.</summary>
    public async Task<ProvisioningResult<T>> MeasureAsync<T>(string operation, string region, Func<Task<ProvisioningResult<T>>> call)
    {
        using var activity = PortalTelemetry.ActivitySource.StartActivity($"provisioner {operation}");
        activity?.SetTag("aws.region", region);
        var started = Stopwatch.GetTimestamp();
        var outcome = "exception";
        try
        {
            var result = await call();
            outcome = result.Failure is { } failure ? OutcomeOf(failure) : Success;
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            Record(operation, region, Stopwatch.GetElapsedTime(started), outcome);
            if (outcome != Success)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    /// <param name="outcome"><see cref="Success"/>, a failure kind from <see cref="OutcomeOf"/>, <c>exception</c> or <c>cancelled</c>.</param>
    public void Record(string operation, string region, TimeSpan elapsed, string outcome)
    {
        var tags = new TagList { { "operation", operation }, { "aws.region", region }, { "outcome", outcome } };
        calls.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
        // Shutting down mid-call is not a failure of the provisioner.
        if (outcome is not (Success or "cancelled"))
        {
            errors.Add(1, new TagList { { "operation", operation }, { "aws.region", region }, { "error.type", outcome } });
        }
    }

    public static string OutcomeOf(ProvisioningFailure failure) => failure.Kind switch
    {
        ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted => "service_not_found",
        ProvisioningFailureKind.NoSharedAvailabilityZone => "no_shared_zone",
        ProvisioningFailureKind.Transient => "transient",
        _ => "permanent",
    };
}
