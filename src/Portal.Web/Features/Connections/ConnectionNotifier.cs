using System.Text.Json;
using Portal.Web.Data;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Fan-out of connection changes to every open page (circuit) that shows them. Pages subscribe when they initialise
/// and dispose the subscription with the component; nothing polls. With several instances on PostgreSQL, changes also
/// travel through <see cref="IChangeChannel"/> to the pages open on the other instances.
/// </summary>
public sealed class ConnectionNotifier : IDisposable
{
    private readonly Lock gate = new();
    private readonly ILogger<ConnectionNotifier> logger;
    private readonly IChangeChannel? otherInstances;
    private readonly IDisposable? listening;
    private ImmutableHandlers handlers = ImmutableHandlers.Empty;

    public ConnectionNotifier(ILogger<ConnectionNotifier> logger, IChangeChannel? otherInstances = null)
    {
        this.logger = logger;
        this.otherInstances = otherInstances;
        listening = otherInstances?.Listen(FromOtherInstanceAsync, () =>
        {
            Deliver(ConnectionChange.Resync);
            return Task.CompletedTask;
        });
    }

    public IDisposable Subscribe(Func<ConnectionChange, Task> handler)
    {
        lock (gate)
        {
            handlers = handlers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public void Publish(ConnectionChange change)
    {
        Deliver(change);
        if (otherInstances is not null)
        {
            _ = otherInstances.SendAsync(JsonSerializer.Serialize(change));
        }
    }

    public void Dispose() => listening?.Dispose();

    private void Deliver(ConnectionChange change)
    {
        foreach (var handler in handlers.Items)
        {
            _ = InvokeAsync(handler, change);
        }
    }

    private Task FromOtherInstanceAsync(string message)
    {
        if (JsonSerializer.Deserialize<ConnectionChange>(message) is { } change)
        {
            Deliver(change);
        }
        return Task.CompletedTask;
    }

    public void Publish(IEnumerable<ConnectionChange> changes)
    {
        foreach (var change in changes)
        {
            Publish(change);
        }
    }

    private async Task InvokeAsync(Func<ConnectionChange, Task> handler, ConnectionChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            // A closed circuit or a failing page must never break the worker that published.
            logger.LogDebug(ex, "A subscriber failed to handle the change of connection {ConnectionId}", change.ConnectionId);
        }
    }

    private void Unsubscribe(Func<ConnectionChange, Task> handler)
    {
        lock (gate)
        {
            handlers = handlers.Remove(handler);
        }
    }

    private sealed class Subscription(ConnectionNotifier notifier, Func<ConnectionChange, Task> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                notifier.Unsubscribe(handler);
            }
        }
    }

    /// <summary>Copy-on-write list so publishing never holds the lock while calling pages.</summary>
    private sealed record ImmutableHandlers(Func<ConnectionChange, Task>[] Items)
    {
        public static readonly ImmutableHandlers Empty = new([]);
        public ImmutableHandlers Add(Func<ConnectionChange, Task> handler) => new([.. Items, handler]);
        public ImmutableHandlers Remove(Func<ConnectionChange, Task> handler) => new(Items.Where(h => h != handler).ToArray());
    }
}
