namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>The <c>Provisioning:Worker</c> section: how stored create/delete requests are carried out.</summary>
public sealed class ProvisioningWorkerOptions
{
    public const string SectionName = "Provisioning:Worker";

    /// <summary>Off only for tests that drive <see cref="ProvisioningWorker.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due work when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a claim protects a request from other workers; a crashed worker's claim lapses after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Transient failures retried before the connection fails.</summary>
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Requests handled at once by one worker.</summary>
    public int Concurrency { get; set; } = 4;
}
