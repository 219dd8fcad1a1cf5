using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Web.Data;
using Portal.Web.Data.Postgres;
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

        await using var a = await StartAsync(postgres);
        await using var b = await StartAsync(postgres);
        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource>();
        using var subscription = b.GetRequiredService<ConnectionNotifier>().Subscribe(change =>
        {
            if (waiting.TryRemove(change.ConnectionId, out var arrived))
            {
                arrived.TrySetResult();
            }
            return Task.CompletedTask;
        });
        var publisher = a.GetRequiredService<ConnectionNotifier>();

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
        return 0;
    }

    private static async Task<ServiceProvider> StartAsync(string postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = postgres,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPortalData(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddPrivateLinkConnections(configuration)
            .BuildServiceProvider();
        // As at the portal's start: the migrations create the database if it is missing.
        await services.MigratePortalDatabaseAsync();
        var channel = services.GetRequiredService<PostgresChangeChannel>();
        await ((IHostedService)channel).StartAsync(CancellationToken.None);
        await channel.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return services;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
