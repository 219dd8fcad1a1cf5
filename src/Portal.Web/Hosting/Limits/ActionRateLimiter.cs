using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting.Logging;
using Portal.Web.Hosting.Telemetry;

namespace Portal.Web.Hosting.Limits;

/// <summary>
/// Rate limits for actions that run inside a Blazor circuit, where HTTP middleware never sees them. Each action has
/// a bucket per user and a bucket per workspace; the user's is tried first, so someone who keeps clicking uses up
/// their own allowance, not their colleagues'.
/// </summary>
public sealed class ActionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<ActionAttempt> limiter;
    private readonly Counter<long> refusals;
    private readonly ILogger<ActionRateLimiter> logger;

    public ActionRateLimiter(IOptions<LimitsOptions> options, IMeterFactory meters, ILogger<ActionRateLimiter> logger)
    {
        var limits = options.Value;
        var perUser = PartitionedRateLimiter.Create<ActionAttempt, (LimitedAction, string)>(attempt =>
            RateLimitPartition.GetTokenBucketLimiter((attempt.Action, attempt.UserId), key => limits.For(key.Item1).PerUser.ToLimiterOptions()));
        var perWorkspace = PartitionedRateLimiter.Create<ActionAttempt, (LimitedAction, string)>(attempt =>
            RateLimitPartition.GetTokenBucketLimiter((attempt.Action, attempt.WorkspaceId), key => limits.For(key.Item1).PerWorkspace.ToLimiterOptions()));
        limiter = PartitionedRateLimiter.CreateChained(perUser, perWorkspace);
        refusals = meters.Create(PortalTelemetry.MeterName).CreateCounter<long>(
            "portal.limits.refusals", unit: "{refusal}", description: "Customer actions refused by a rate limit, by action.");
        this.logger = logger;
    }

    /// <summary>Takes one action from the user's and the workspace's allowance, or says how long to wait.</summary>
    public ActionLimitResult TryAcquire(string userId, string workspaceId, LimitedAction action)
    {
        using var lease = limiter.AttemptAcquire(new ActionAttempt(action, userId, workspaceId));
        if (lease.IsAcquired)
        {
            return ActionLimitResult.Allowed;
        }
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        refusals.Add(1, new KeyValuePair<string, object?>("action", action.ToString()));
        using (logger.BeginWorkspaceScope(workspaceId))
        {
            logger.LogInformation("Refused {Action} for user {UserId}: over the rate limit, retry after {RetryAfter}", action, userId, retryAfter);
        }
        return new ActionLimitResult(false, retryAfter);
    }

    public void Dispose() => limiter.Dispose();

    private readonly record struct ActionAttempt(LimitedAction Action, string UserId, string WorkspaceId);
}
