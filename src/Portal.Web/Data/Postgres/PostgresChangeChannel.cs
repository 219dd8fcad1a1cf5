using Npgsql;

namespace Portal.Web.Data.Postgres;

/// <summary>
/// LISTEN/NOTIFY on one channel. One dedicated connection listens for the whole process and reconnects with backoff
/// when it drops; every reconnect is reported, so listeners re-read what they show instead of trusting that nothing
/// was missed. Messages sent by this process are skipped, since its own subscribers were told directly.
/// </summary>
internal sealed class PostgresChangeChannel(string connectionString, ILogger<PostgresChangeChannel> logger) : BackgroundService, IChangeChannel
{
    public const string Channel = "portal_changes";
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(10);

    private readonly string instanceId = Guid.NewGuid().ToString("N");
    private readonly Lock gate = new();
    private List<(Func<string, Task> OnMessage, Func<Task> OnResync)> listeners = [];

    /// <summary>Set once the listening connection is up; tests wait on it.</summary>
    public Task Listening => listening.Task;

    private TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(string message, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{instanceId}|{message}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The other instances' pages miss this change until their next reconnect or reload; ours were told directly.
            logger.LogWarning(ex, "Could not notify the other portal instances of a change");
        }
    }

    public IDisposable Listen(Func<string, Task> onMessage, Func<Task> onResync)
    {
        var listener = (onMessage, onResync);
        lock (gate)
        {
            listeners = [.. listeners, listener];
        }
        return new Unsubscriber(() =>
        {
            lock (gate)
            {
                listeners = listeners.Where(l => l != listener).ToList();
            }
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var everConnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keepalive makes a silently dead connection (a killed backend, a network cut) fail within seconds.
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 5, Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ToString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                delay = TimeSpan.FromMilliseconds(200);
                if (everConnected)
                {
                    logger.LogInformation("Listening for changes from other portal instances again; pages re-read what they show");
                    await ResyncAsync();
                }
                everConnected = true;
                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The connection listening for other portal instances' changes dropped; reconnecting in {Delay}", delay);
                if (listening.Task.IsCompleted)
                {
                    listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(MaxReconnectDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    private void Dispatch(string payload)
    {
        var separator = payload.IndexOf('|');
        if (separator < 0 || payload.AsSpan(0, separator).SequenceEqual(instanceId))
        {
            return;
        }
        var message = payload[(separator + 1)..];
        foreach (var (onMessage, _) in listeners)
        {
            _ = Guard(() => onMessage(message));
        }
    }

    private async Task ResyncAsync()
    {
        foreach (var (_, onResync) in listeners)
        {
            await Guard(onResync);
        }
    }

    private async Task Guard(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A listener failed to handle a message from another portal instance");
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
