using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;
using Portal.Web.Provisioning.Regions;

namespace Portal.Benchmarks.Reconciler;

/// <summary>
/// A temp SQLite database (or, given a PostgreSQL server, a fresh database there) with the real migrations and the real
/// reconciler over the real AWS provisioner, registered by the app's own <c>Add…</c> extensions; only the clock is fake
/// and the EC2 traffic goes through a handler the benchmark chooses (a counting fake, or moto behind a counter).
/// </summary>
internal sealed class BenchmarkWorld : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
    private readonly string? postgresServer;
    private readonly string postgresDatabase = $"portal_bench_{Guid.NewGuid():N}";
    private readonly ServiceProvider services;

    private BenchmarkWorld(IReadOnlyDictionary<string, RegionOptions> regions, Func<HttpMessageHandler> handler, string? postgresServer)
    {
        this.postgresServer = postgresServer;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = postgresServer is null ? "Sqlite" : "Postgres",
                ["ConnectionStrings:Portal"] = postgresServer is null
                    ? $"Data Source={path};Pooling=True"
                    : new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ToString(),
                ["Provisioning:Mode"] = "Aws",
            })
            .Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddPortalData(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddAuditLog()
            .AddRegions()
            .AddProvisioning(configuration)
            .AddPrivateLinkConnections(configuration);
        collection.Configure<AwsRegionsOptions>(options =>
        {
            foreach (var (code, region) in regions)
            {
                options.Regions[code] = region;
            }
        });
        collection.AddSingleton(sp => new Ec2ClientFactory(sp.GetRequiredService<IOptions<AwsRegionsOptions>>()) { CreateHttpHandler = handler });
        collection.AddSingleton<TimeProvider>(Clock);
        services = collection.BuildServiceProvider();
    }

    public string Provider => postgresServer is null ? "SQLite" : "PostgreSQL";
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public IDbContextFactory<PortalDbContext> DbFactory => services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    public ConnectionReconciler Reconciler => services.GetRequiredService<ConnectionReconciler>();

    /// <param name="postgresServer">A PostgreSQL connection string to create the database on; null for a SQLite file.</param>
    public static async Task<BenchmarkWorld> CreateAsync(IReadOnlyDictionary<string, RegionOptions> regions, Func<HttpMessageHandler> handler, string? postgresServer)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "bench");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var world = new BenchmarkWorld(regions, handler, postgresServer);
        await using var db = await world.DbFactory.CreateDbContextAsync();
        // On PostgreSQL the migrations create the database.
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
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
            db.Connections.Add(ConnectionSeeds.InStatus(ConnectionStatus.Available, $"ws-{count % 500:D4}",
                $"com.amazonaws.vpce.{region}.vpce-svc-{count:x17}", endpointId, now, "Benchmark"));
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
        await services.DisposeAsync();
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
