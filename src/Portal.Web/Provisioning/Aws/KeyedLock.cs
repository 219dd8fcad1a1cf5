namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// Async mutual exclusion by key, so work on one connection or workspace never races with itself in this process.
/// Striped: a fixed set of semaphores, so memory does not grow with the number of keys; two keys may share a stripe,
/// which only serialises them. Never hold two locks of the same instance at once.
/// </summary>
internal sealed class KeyedLock
{
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
