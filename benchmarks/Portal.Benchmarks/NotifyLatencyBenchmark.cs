using Portal.Tests.Shared;
using System.Collections.Concurrent;
using Portal.Web.Features.Connections;

namespace Portal.Benchmarks;

/// <summary>
/// How long a status change published on one portal instance takes to reach a page subscribed on another, through
/// PostgreSQL's LISTEN/NOTIFY: two instances registered as the app registers them, one change at a time.
/// </summary>
public static class NotifyLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = Option(args, "--postgres");
        if (postgres is null)
        {
            Console.Error.WriteLine("notify-latency needs --postgres \"Host=…;Port=…;Username=…;Database=…\" (a database the portal may use).");
            return 2;
        }
        var changes = int.Parse(Option(args, "--changes") ?? "200", System.Globalization.CultureInfo.InvariantCulture);

        var a = await PostgresPortalInstance.StartAsync(postgres);
        var b = await PostgresPortalInstance.StartAsync(postgres);
        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource>();
        using var subscription = b.Notifier().Subscribe(change =>
        {
            if (waiting.TryRemove(change.ConnectionId, out var arrived))
            {
                arrived.TrySetResult();
            }
            return Task.CompletedTask;
        });
        var publisher = a.Notifier();

        var latency = await Latency.MeasureAsync(async () =>
        {
            var change = new ConnectionChange(Guid.NewGuid(), "ws-bench", ConnectionStatus.Available);
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[change.ConnectionId] = arrived;
            publisher.Publish(change);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }, warmUp: 10, iterations: changes);

        Console.WriteLine($"""
            # Change notification latency, instance A → instance B (PostgreSQL LISTEN/NOTIFY)

            | changes | p50 | p95 | max |
            | ---: | ---: | ---: | ---: |
            | {changes} | {Latency.Ms(latency.P50)} ms | {Latency.Ms(latency.P95)} ms | {Latency.Ms(latency.Max)} ms |
            """);
        await PostgresPortalInstance.StopAsync(a);
        await PostgresPortalInstance.StopAsync(b);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
