namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>Wakes the worker as soon as a request is stored, instead of waiting for its next poll.</summary>
public sealed class ProvisioningSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
