namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>The <c>Provisioning:Reconciler</c> section: how endpoint states are kept current.</summary>
public sealed class ReconcilerOptions
{
    public const string SectionName = "Provisioning:Reconciler";

    /// <summary>Off only for tests that drive <see cref="ConnectionReconciler.ReconcileOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the reconciler looks for connections due a check.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Check interval for states that change within minutes (pending acceptance, pending, deleting).</summary>
    public TimeSpan FastPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Check interval for available (and rejected) endpoints, to notice changes made outside the portal.</summary>
    public TimeSpan SlowPollInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long a cycle holds the connections it took: other portal instances skip them meanwhile, and take them again
    /// after it if this instance stopped mid-cycle.
    /// </summary>
    public TimeSpan CheckLease { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A connection still waiting for the owner's acceptance after this long expires and its endpoint is deleted.</summary>
    public TimeSpan AcceptanceTimeout { get; set; } = TimeSpan.FromDays(3);
}
