using Portal.Web.Provisioning.Aws;

namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>
/// The <c>Provisioning:Worker</c> section: how stored create/delete requests are carried out, and the retry budget.
/// Retries are nested in two layers: the AWS SDK retries each EC2 call (<see cref="Ec2ClientFactory.DefaultMaxErrorRetry"/>
/// times, standard mode), and the worker retries the whole attempt on a transient failure (<see cref="MaxAttempts"/> in
/// all, with backoff). In the worst case one create therefore sends
/// <see cref="MaxAttempts"/> × <see cref="AwsEndpointProvisioner.MaxEc2CallsPerCreate"/> × (1 + SDK retries) EC2 requests:
/// 8 × 9 × 4 = 288 with the defaults, spread over about <see cref="WorstCaseBackoff"/> (254 s) of backoff.
/// </summary>
public sealed class ProvisioningWorkerOptions
{
    public const string SectionName = "Provisioning:Worker";

    /// <summary>Off only for tests that drive <see cref="ProvisioningWorker.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due work when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// How long a claim protects a request from other workers; a crashed worker's claim lapses after this. A live worker
    /// renews its claim every third of the lease while an attempt runs, so a slow attempt is never taken over.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Transient failures retried before the connection fails.</summary>
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Requests handled at once by one worker.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The most EC2 requests one create can send before the connection fails (see the class summary).</summary>
    public int WorstCaseEc2RequestsPerCreate => MaxAttempts * AwsEndpointProvisioner.MaxEc2CallsPerCreate * (1 + Ec2ClientFactory.DefaultMaxErrorRetry);

    /// <summary>The longest total wait between attempts (the backoff ceilings; jitter only shortens them).</summary>
    public TimeSpan WorstCaseBackoff => Enumerable.Range(1, Math.Max(0, MaxAttempts - 1))
        .Aggregate(TimeSpan.Zero, (total, attempt) => total + RetryBackoff.Ceiling(attempt, BaseBackoff, MaxBackoff));
}
