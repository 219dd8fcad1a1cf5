using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.Benchmarks.Reconciler;

/// <summary>
/// A temp SQLite database with the real migrations and the real reconciler over the real AWS provisioner, whose EC2
/// traffic goes through a handler the benchmark chooses (a counting fake, or moto behind a counter).
/// </summary>
internal sealed class BenchmarkWorld : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");

    private BenchmarkWorld(IReadOnlyDictionary<string, RegionOptions> regions, Func<HttpMessageHandler> handler)
    {
        DbFactory = new FileDbContextFactory($"Data Source={path};Pooling=True");
        var awsRegions = new AwsRegionsOptions();
        foreach (var (code, options) in regions)
        {
            awsRegions.Regions[code] = options;
        }
        var clients = new Ec2ClientFactory(Options.Create(awsRegions)) { CreateHttpHandler = handler };
        var directory = new RegionDirectory(DbFactory);
        Provisioner = new AwsEndpointProvisioner(clients, directory,
            new WorkspaceIsolationGroups(DbFactory, Clock, NullLogger<WorkspaceIsolationGroups>.Instance), NullLogger<AwsEndpointProvisioner>.Instance);
        var transitions = new ConnectionTransitions(new AuditLog(Clock), Clock);
        Reconciler = new ConnectionReconciler(DbFactory, Provisioner, transitions, new ConnectionNotifier(NullLogger<ConnectionNotifier>.Instance),
            new ProvisioningSignal(), Clock, Options.Create(new ReconcilerOptions()), NullLogger<ConnectionReconciler>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public IDbContextFactory<PortalDbContext> DbFactory { get; }
    public AwsEndpointProvisioner Provisioner { get; }
    public ConnectionReconciler Reconciler { get; }

    public static async Task<BenchmarkWorld> CreateAsync(IReadOnlyDictionary<string, RegionOptions> regions, Func<HttpMessageHandler> handler)
    {
        Amazon.AWSConfigs.InitializeCollections = true;
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "bench");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var world = new BenchmarkWorld(regions, handler);
        await using var db = await world.DbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await RegionSeeder.SeedAsync(db, regions, world.Clock);
        return world;
    }

    /// <summary>Inserts available connections with the given endpoint ids, in one transaction.</summary>
    public async Task InsertAvailableConnectionsAsync(string region, IEnumerable<string> endpointIds)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = Clock.GetUtcNow();
        var count = 0;
        foreach (var endpointId in endpointIds)
        {
            db.Connections.Add(new Connection
            {
                Id = Guid.NewGuid(),
                WorkspaceId = $"ws-{count % 500:D4}",
                Region = region,
                ServiceName = $"com.amazonaws.vpce.{region}.vpce-svc-{count:x17}",
                ClientToken = Guid.NewGuid().ToString("N"),
                Status = ConnectionStatus.Available,
                AwsState = "available",
                EndpointId = endpointId,
                CreatedById = "bench",
                CreatedByName = "Benchmark",
                CreatedAt = now,
                UpdatedAt = now,
                StatusChangedAt = now,
            });
            if (++count % 2000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Makes every connection due a check, as at the start of a cycle after a long pause.</summary>
    public async Task MakeAllDueAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Connections.ExecuteUpdateAsync(set => set.SetProperty(c => c.NextCheckAt, (DateTimeOffset?)null));
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        await Task.CompletedTask;
    }

    private sealed class FileDbContextFactory(string connectionString) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connectionString).Options);
    }
}
