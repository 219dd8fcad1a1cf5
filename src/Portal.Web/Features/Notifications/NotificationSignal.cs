namespace Portal.Web.Features.Notifications;

/// <summary>Wakes the dispatcher of this instance when a notification was just written (a test), instead of waiting for its poll.</summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await semaphore.WaitAsync(timeout, cancellationToken);
}
