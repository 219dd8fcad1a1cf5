using Portal.Web.Hosting.Telemetry;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>
/// Gauges read from the database: connections by status and the provisioning worker's queue. Exporters may collect
/// often; the database is read at most once per <see cref="RefreshInterval"/> and the answer reused meanwhile.
/// </summary>
/// <remarks>
/// A hosted service so the gauges exist from start-up, and so they stop reading the database once the host stops:
/// exporters collect one last time while the services are being disposed.
/// </remarks>
public sealed class ConnectionGauges : IHostedService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly ProvisioningWorker worker;
    private readonly TimeProvider clock;
    private readonly ILogger<ConnectionGauges> logger;
    private readonly Lock sync = new();
    private Counts counts = new(new Dictionary<ConnectionStatus, int>(), 0);
    private DateTimeOffset? readAt;
    private volatile bool stopped;

    public ConnectionGauges(IMeterFactory meters, IDbContextFactory<PortalDbContext> dbFactory, ProvisioningWorker worker, TimeProvider clock, ILogger<ConnectionGauges> logger)
    {
        (this.dbFactory, this.worker, this.clock, this.logger) = (dbFactory, worker, clock, logger);
        var meter = meters.Create(PortalTelemetry.MeterName);
        meter.CreateObservableGauge("portal.connections",
            () => Current().ByStatus.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString()))),
            "{connection}", "Connections by status, read from the database at most every 15 s.");
        meter.CreateObservableGauge("portal.provisioning.queue_length", () => Current().Queued,
            "{request}", "Create and delete requests waiting for the provisioning worker (due or backing off).");
    }

    internal sealed record Counts(IReadOnlyDictionary<ConnectionStatus, int> ByStatus, int Queued);

    internal Counts Current()
    {
        lock (sync)
        {
            var now = clock.GetUtcNow();
            if (!stopped && (readAt is null || now - readAt >= RefreshInterval))
            {
                // Stamped before reading, so a failing database is not queried on every collection either.
                readAt = now;
                try
                {
                    // Collections run on the exporter's own thread, with no synchronization context to deadlock.
                    counts = ReadAsync().GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not read connection counts for the metrics; reporting the previous ones");
                }
            }
            return counts;
        }
    }

    private async Task<Counts> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
        var found = await db.Connections.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, timeout.Token);
        // Every status, zeros included, so a series drops to 0 instead of vanishing.
        var byStatus = Enum.GetValues<ConnectionStatus>().ToDictionary(s => s, s => found.GetValueOrDefault(s));
        return new Counts(byStatus, await worker.CountQueuedAsync(timeout.Token));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        return Task.CompletedTask;
    }
}
