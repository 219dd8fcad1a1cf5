using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Operations.Limits;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.UnitTests.Operations;
using Portal.UnitTests.Simulated;

namespace Portal.UnitTests.Connections;

/// <summary>
/// The connection service, worker and reconciler wired by hand over a temp SQLite file with the real migrations,
/// a scripted provisioner and a fake clock.
/// </summary>
internal sealed class ProvisioningHarness : IAsyncDisposable
{
    public static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme"], false);
    public static readonly PortalUser Grace = new("grace", "Grace Hopper", null, ["ws-globex"], false);
    public static readonly PortalUser Sam = new("sam", "Sam Support", null, [], true);
    public const string UsEast = "us-east-1";
    public const string ServiceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    private readonly SqliteTestDatabase database;

    private ProvisioningHarness(SqliteTestDatabase database, LimitsOptions limits)
    {
        this.database = database;
        DbFactory = database;
        Limits = limits;
        RateLimiter = new ActionRateLimiter(Options.Create(limits), TestMeters.NewFactory(), NullLogger<ActionRateLimiter>.Instance);
        Transitions = new ConnectionTransitions(new AuditLog(Clock), Clock);
        Notifier = new ConnectionNotifier(NullLogger<ConnectionNotifier>.Instance);
        Service = new ConnectionService(DbFactory, Provisioner, new RegionDirectory(DbFactory), Transitions, new AuditLog(Clock), Notifier, Signal,
            new MemoryCache(new MemoryCacheOptions()), RateLimiter, Options.Create(limits), Clock, NullLogger<ConnectionService>.Instance);
        Reconciler = new ConnectionReconciler(DbFactory, Provisioner, Transitions, Notifier, Signal, Clock, Options.Create(ReconcilerOptions), NullLogger<ConnectionReconciler>.Instance);
        SupportActions = new ConnectionSupportActions(DbFactory, Service, Reconciler, Transitions, new AuditLog(Clock), Notifier, Signal);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    public ScriptedProvisioner Provisioner { get; } = new();
    public IDbContextFactory<PortalDbContext> DbFactory { get; }
    public ConnectionTransitions Transitions { get; }
    public ConnectionNotifier Notifier { get; }
    public ProvisioningSignal Signal { get; } = new();
    public ConnectionService Service { get; }
    public ConnectionReconciler Reconciler { get; }
    public ConnectionSupportActions SupportActions { get; }
    public ProvisioningWorkerOptions WorkerOptions { get; } = new() { MaxAttempts = 4, BaseBackoff = TimeSpan.FromSeconds(2), ClaimLease = TimeSpan.FromMinutes(1) };
    public ReconcilerOptions ReconcilerOptions { get; } = new() { FastPollInterval = TimeSpan.FromSeconds(5), SlowPollInterval = TimeSpan.FromMinutes(5), AcceptanceTimeout = TimeSpan.FromHours(1) };

    /// <summary>Read by the connection service at each call, so a test may change the cap after creating the harness.</summary>
    public LimitsOptions Limits { get; }
    public ActionRateLimiter RateLimiter { get; }

    /// <param name="limits">Rate limits and cap; by default so high that only tests about limits meet them.</param>
    public static async Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null)
    {
        return new ProvisioningHarness(await SqliteTestDatabase.CreateAsync(), limits ?? NoPracticalLimits());
    }

    private static LimitsOptions NoPracticalLimits()
    {
        var plenty = new ActionLimits { PerUser = new() { Burst = 100_000, PerMinute = 100_000 }, PerWorkspace = new() { Burst = 100_000, PerMinute = 100_000 } };
        return new LimitsOptions { ConnectionsPerWorkspaceRegion = 100_000, Verify = plenty, Create = plenty, EgressIps = plenty };
    }

    /// <summary>A worker as a separate portal process would have it: own identity, same database.</summary>
    public ProvisioningWorker NewWorker(IEndpointProvisioner? provisioner = null) =>
        new(DbFactory, provisioner ?? Provisioner, Transitions, Notifier, Signal, Clock, Options.Create(WorkerOptions), Options.Create(ReconcilerOptions), NullLogger<ProvisioningWorker>.Instance);

    public async Task<Guid> CreateConnectionAsync(PortalUser? user = null, string? serviceName = null, string region = UsEast)
    {
        user ??= Ada;
        var outcome = await Service.CreateAsync(user, user.Workspaces[0], new CreateConnectionInput(region, serviceName ?? ServiceName, Guid.NewGuid()));
        Assert.True(outcome.Succeeded, outcome.InputError?.Message);
        return outcome.ConnectionId!.Value;
    }

    public async Task<Connection> LoadAsync(Guid id)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Connections.AsNoTracking().Include(c => c.Events).FirstAsync(c => c.Id == id);
    }

    public async Task<List<AuditEntry>> AuditAsync(Guid id)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.ConnectionId == id).OrderBy(a => a.Id).ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        RateLimiter.Dispose();
        return database.DisposeAsync();
    }
}
