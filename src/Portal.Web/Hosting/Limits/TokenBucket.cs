using System.Threading.RateLimiting;

namespace Portal.Web.Hosting.Limits;

public sealed class TokenBucket
{
    public int Burst { get; set; } = 10;
    public int PerMinute { get; set; } = 10;

    /// <remarks>
    /// Not auto-replenishing: inside a <see cref="PartitionedRateLimiter{TResource}"/> the partitioned limiter
    /// replenishes every partition from one timer instead of one timer per user.
    /// </remarks>
    internal TokenBucketRateLimiterOptions ToLimiterOptions() => new()
    {
        TokenLimit = Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / PerMinute,
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
