using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;

namespace Portal.UnitTests.Simulated;

/// <summary>A SQLite file in a temp folder with the real migrations applied and two regions seeded.</summary>
public sealed class SqliteTestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    public static readonly string[] UsEast1Subnets = ["subnet-0111b2c3d4e5f6071", "subnet-0211b2c3d4e5f6071", "subnet-0311b2c3d4e5f6071"];
    public static readonly string[] EuWest1Subnets = ["subnet-3144e5f6071829304", "subnet-3244e5f6071829304"];

    /// <summary>us-east-1 and eu-west-1 with subnets, eu-central-1 without.</summary>
    public static IReadOnlyDictionary<string, RegionOptions> DefaultRegions => new Dictionary<string, RegionOptions>
    {
        ["us-east-1"] = new() { PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0a11b2c3d4e5f6071", SubnetIds = [.. UsEast1Subnets] },
        ["eu-west-1"] = new() { PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0d44e5f6071829304", SubnetIds = [.. EuWest1Subnets] },
        ["eu-central-1"] = new() { PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0e55f607182930415" },
    };

    private readonly string path = Path.Combine(Path.GetTempPath(), $"portal-unit-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<PortalDbContext> options;

    private SqliteTestDatabase() =>
        // No pooling, so the file is closed and can be deleted when the test ends.
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;

    /// <param name="regions">The regions to seed; by default us-east-1 and eu-west-1 with subnets, eu-central-1 without.</param>
    public static async Task<SqliteTestDatabase> CreateAsync(IReadOnlyDictionary<string, RegionOptions>? regions = null)
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await RegionSeeder.SeedAsync(db, regions ?? DefaultRegions, TimeProvider.System);
        return database;
    }

    public PortalDbContext CreateDbContext() => new(options);

    public RegionDirectory Regions => new(this);

    public ValueTask DisposeAsync()
    {
        File.Delete(path);
        return ValueTask.CompletedTask;
    }
}
