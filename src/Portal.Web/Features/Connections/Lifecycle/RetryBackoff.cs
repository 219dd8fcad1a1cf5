namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>Exponential backoff with full jitter: spreads retries of many requests after a regional throttle.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var ceiling = Ceiling(attempt, baseDelay, maxDelay).TotalMilliseconds;
        // Never below half the ceiling, so a retry is not immediate.
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    /// <summary>The longest wait after the given attempt: the base doubled per attempt, capped.</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromMilliseconds(Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20))));
}
