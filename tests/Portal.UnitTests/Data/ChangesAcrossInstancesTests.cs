using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Shared;
using System.Collections.Concurrent;
using Npgsql;
using Portal.Web.Data.Postgres;
using Portal.Web.Features.Connections;

namespace Portal.UnitTests.Data;

/// <summary>
/// Two portal instances on one PostgreSQL database, each with its services registered as the app registers them:
/// a change published on one reaches the pages subscribed on the other, and a dropped listener reconnects and tells
/// its pages to read again.
/// </summary>
public sealed class ChangesAcrossInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private PostgresTestDatabase database = null!;
    private Instance a = null!;
    private Instance b = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresTestDatabase.CreateAsync();
        a = await Instance.StartAsync(database.ConnectionString);
        b = await Instance.StartAsync(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_change_published_on_one_instance_reaches_the_pages_of_the_other_once()
    {
        var change = new ConnectionChange(Guid.NewGuid(), "ws-acme", ConnectionStatus.Available);

        a.Notifier.Publish(change);

        await WaitUntilAsync(() => b.Received.Contains(change));
        Assert.Equal([change], a.Received);
        Assert.Equal([change], b.Received);
    }

    [Fact]
    public async Task A_dropped_listener_reconnects_tells_its_pages_to_read_again_and_hears_later_changes()
    {
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {PostgresChangeChannel.Channel}'", admin);
            Assert.True(await kill.ExecuteScalarAsync() is true, "No listening connection to drop.");
        }

        await WaitUntilAsync(() => a.Received.Contains(ConnectionChange.Resync) && b.Received.Contains(ConnectionChange.Resync));
        var later = new ConnectionChange(Guid.NewGuid(), "ws-acme", ConnectionStatus.Deleting);
        a.Notifier.Publish(later);

        await WaitUntilAsync(() => b.Received.Contains(later));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The change did not arrive in time.");
            await Task.Delay(50);
        }
    }

    private sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private readonly IDisposable subscription;

        private Instance(ServiceProvider services)
        {
            this.services = services;
            subscription = Notifier.Subscribe(change =>
            {
                Received.Enqueue(change);
                return Task.CompletedTask;
            });
        }

        public ConcurrentQueue<ConnectionChange> Received { get; } = new();
        public ConnectionNotifier Notifier => services.Notifier();

        public static async Task<Instance> StartAsync(string connectionString) =>
            new(await PostgresPortalInstance.StartAsync(connectionString));

        public async ValueTask DisposeAsync()
        {
            subscription.Dispose();
            await PostgresPortalInstance.StopAsync(services);
        }
    }
}
