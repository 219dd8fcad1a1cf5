using Portal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.EgressIps;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting.Limits;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Regions;
using Portal.UnitTests.Data;
using Portal.UnitTests.Simulated;

namespace Portal.UnitTests.Connections;

/// <summary>
/// The connection services, worker and reconciler registered by the app's own <c>Add…</c> extensions, over a temp
/// SQLite file with the real migrations; only the provisioner (scripted), the clock (fake) and the database are swapped.
/// </summary>
internal sealed class ProvisioningHarness : IAsyncDisposable
{
    public static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme"], false);
    public static readonly PortalUser Grace = new("grace", "Grace Hopper", null, ["ws-globex"], false);
    public static readonly PortalUser Sam = new("sam", "Sam Support", null, [], true);
    public const string UsEast = "us-east-1";
    public const string ServiceName = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    private readonly IDbContextFactory<PortalDbContext> database;
    private readonly ServiceProvider services;

    private ProvisioningHarness(IDbContextFactory<PortalDbContext> database, LimitsOptions limits)
    {
        this.database = database;
        Limits = limits;
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddAuditLog()
            .AddRegions()
            .AddPortalLimits(configuration)
            .AddPrivateLinkConnections(configuration)
            .AddEgressIps()
            .AddNotifications(configuration);
        collection.AddSingleton<IDbContextFactory<PortalDbContext>>(database);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IEndpointProvisioner>(Provisioner);
        collection.AddSingleton(Options.Create(limits));
        collection.AddSingleton(Options.Create(WorkerOptions));
        collection.AddSingleton(Options.Create(ReconcilerOptions));
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    public ScriptedProvisioner Provisioner { get; } = new();
    public IDbContextFactory<PortalDbContext> DbFactory => database;
    public ConnectionNotifier Notifier => services.GetRequiredService<ConnectionNotifier>();
    public ProvisioningSignal Signal => services.GetRequiredService<ProvisioningSignal>();
    public ConnectionService Service => services.GetRequiredService<ConnectionService>();
    public ConnectionReconciler Reconciler => services.GetRequiredService<ConnectionReconciler>();
    public ConnectionSupportActions SupportActions => services.GetRequiredService<ConnectionSupportActions>();
    public EgressIpService EgressIps => services.GetRequiredService<EgressIpService>();
    public NotificationService Notifications => services.GetRequiredService<NotificationService>();
    public NotificationSupportView NotificationSupport => services.GetRequiredService<NotificationSupportView>();
    public ActionRateLimiter RateLimiter => services.GetRequiredService<ActionRateLimiter>();
    public ProvisioningWorkerOptions WorkerOptions { get; } = new() { MaxAttempts = 4, BaseBackoff = TimeSpan.FromSeconds(2), ClaimLease = TimeSpan.FromMinutes(1) };
    public ReconcilerOptions ReconcilerOptions { get; } = new() { FastPollInterval = TimeSpan.FromSeconds(5), SlowPollInterval = TimeSpan.FromMinutes(5), AcceptanceTimeout = TimeSpan.FromHours(1) };

    /// <summary>Read by the connection service at each call, so a test may change the cap after creating the harness.</summary>
    public LimitsOptions Limits { get; }

    /// <param name="limits">Rate limits and cap; by default so high that only tests about limits meet them.</param>
    /// <param name="provider">The database the services run on: a SQLite file, or a fresh database in the test cluster.</param>
    public static async Task<ProvisioningHarness> CreateAsync(LimitsOptions? limits = null, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : await SqliteTestDatabase.CreateAsync(),
            limits ?? NoPracticalLimits());

    private static LimitsOptions NoPracticalLimits()
    {
        var plenty = new ActionLimits { PerUser = new() { Burst = 100_000, PerMinute = 100_000 }, PerWorkspace = new() { Burst = 100_000, PerMinute = 100_000 } };
        return new LimitsOptions { ConnectionsPerWorkspaceRegion = 100_000, Verify = plenty, Create = plenty, EgressIps = plenty };
    }

    /// <summary>The user's access to their first workspace, or to <paramref name="workspaceId"/>, as their session would grant it.</summary>
    public static WorkspaceAccess Access(PortalUser user, string? workspaceId = null) =>
        WorkspaceAccess.Grant(user, workspaceId ?? user.Workspaces[0]) ?? throw new InvalidOperationException($"{user.Name} is not a member of {workspaceId}.");

    /// <summary>A worker as a separate portal process would have it: own identity, same database.</summary>
    public ProvisioningWorker NewWorker(IEndpointProvisioner? provisioner = null) =>
        ActivatorUtilities.CreateInstance<ProvisioningWorker>(services, provisioner ?? Provisioner);

    /// <summary>The reconciler of another portal instance on the same database.</summary>
    public ConnectionReconciler NewReconciler() => ActivatorUtilities.CreateInstance<ConnectionReconciler>(services);

    /// <param name="name">By default the name the wizard would propose for the service.</param>
    public static CreateConnectionRequest Request(string? serviceName = null, string region = UsEast, string? name = null, string? description = null) =>
        new(region, serviceName ?? ServiceName, Guid.NewGuid(), name ?? ConnectionSeeds.NameFor(serviceName ?? ServiceName), description);

    public async Task<Guid> CreateConnectionAsync(PortalUser? user = null, string? serviceName = null, string region = UsEast, string? name = null)
    {
        var outcome = await Service.CreateAsync(Access(user ?? Ada), Request(serviceName, region, name));
        Assert.True(outcome.Succeeded, outcome.InputError?.Message ?? outcome.Refusal ?? outcome.DetailsErrors?.Name);
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

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await ((IAsyncDisposable)database).DisposeAsync();
    }
}
