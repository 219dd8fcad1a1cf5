namespace Portal.Web.Provisioning.Simulated;

/// <summary>The <c>Provisioning:Simulated</c> configuration section.</summary>
public sealed class SimulatedProvisionerOptions
{
    public const string SectionName = "Provisioning:Simulated";

    /// <summary>How long an accepted endpoint stays <c>pending</c> before it is <c>available</c> (also how long the auto-rejecting owner takes).</summary>
    public TimeSpan PendingDelay { get; set; } = TimeSpan.FromSeconds(20);
    public TimeSpan DeletingDelay { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Small pauses so the UI's progress indicators are seen as they would be against AWS; zero in tests.</summary>
    public TimeSpan VerifyLatency { get; set; } = TimeSpan.FromMilliseconds(300);
    public TimeSpan CreateLatency { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>How many create attempts per client token the throttled service answers with <c>RequestLimitExceeded</c>.</summary>
    public int ThrottleAttempts { get; set; } = 2;
    public bool AcceptanceRequiredByDefault { get; set; } = true;
}
