namespace Portal.Web.Hosting.Limits;

/// <summary>
/// The <c>Limits</c> section. Every rate is a token bucket: <see cref="TokenBucket.Burst"/> actions at once, then
/// <see cref="TokenBucket.PerMinute"/> a minute. Read once at start-up.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Live (not deleted) connections one workspace may have in one region.</summary>
    public int ConnectionsPerWorkspaceRegion { get; set; } = 50;

    public ActionLimits Verify { get; set; } = new()
    {
        PerUser = new() { Burst = 10, PerMinute = 10 },
        PerWorkspace = new() { Burst = 30, PerMinute = 30 },
    };

    public ActionLimits Create { get; set; } = new()
    {
        PerUser = new() { Burst = 5, PerMinute = 5 },
        PerWorkspace = new() { Burst = 15, PerMinute = 15 },
    };

    public ActionLimits EgressIps { get; set; } = new()
    {
        PerUser = new() { Burst = 10, PerMinute = 10 },
        PerWorkspace = new() { Burst = 30, PerMinute = 30 },
    };

    /// <summary>The development sign-in form, per client address.</summary>
    public TokenBucket SignIn { get; set; } = new() { Burst = 30, PerMinute = 30 };

    /// <summary>The workspace switcher, per user.</summary>
    public TokenBucket WorkspaceSwitch { get; set; } = new() { Burst = 20, PerMinute = 20 };

    public ActionLimits For(LimitedAction action) => action switch
    {
        LimitedAction.Verify => Verify,
        LimitedAction.Create => Create,
        LimitedAction.EgressIps => EgressIps,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    internal IEnumerable<string> Problems()
    {
        if (ConnectionsPerWorkspaceRegion < 1)
        {
            yield return $"{SectionName}:{nameof(ConnectionsPerWorkspaceRegion)} must be at least 1";
        }
        List<(string Name, TokenBucket Bucket)> buckets = [(nameof(SignIn), SignIn), (nameof(WorkspaceSwitch), WorkspaceSwitch)];
        foreach (var action in Enum.GetValues<LimitedAction>())
        {
            buckets.Add(($"{action}:{nameof(ActionLimits.PerUser)}", For(action).PerUser));
            buckets.Add(($"{action}:{nameof(ActionLimits.PerWorkspace)}", For(action).PerWorkspace));
        }
        foreach (var (name, bucket) in buckets.Where(b => b.Bucket.Burst < 1 || b.Bucket.PerMinute < 1))
        {
            yield return $"{SectionName}:{name} needs Burst and PerMinute of at least 1 (found {bucket.Burst} and {bucket.PerMinute})";
        }
    }
}
