using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.UnitTests.Simulated;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;

namespace Portal.UnitTests.Data;

/// <summary>
/// A fresh database in the throwaway PostgreSQL cluster that <c>tests/run.sh</c> starts (<c>PORTAL_TEST_POSTGRES</c>),
/// with the PostgreSQL migrations applied and the regions of <see cref="SqliteTestDatabase.DefaultRegions"/> seeded;
/// dropped afterwards.
/// </summary>
public sealed class PostgresTestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    public const string ServerVariable = "PORTAL_TEST_POSTGRES";

    private readonly string name = $"portal_test_{Guid.NewGuid():N}";
    private readonly DbContextOptions<PostgresPortalDbContext> options;

    private PostgresTestDatabase(string server)
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString).Options;
    }

    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} is not set: run tests/run.sh, which starts a throwaway PostgreSQL cluster for these tests.");

    /// <summary>Migrated and seeded once per test run; each test database is a copy of it (CREATE DATABASE … TEMPLATE).</summary>
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var template = await Template.Value;
        var database = new PostgresTestDatabase(Server);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.name}\" TEMPLATE \"{template}\"");
        return database;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var template = new PostgresTestDatabase(Server);
        await using (var db = template.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await RegionSeeder.SeedAsync(db, SqliteTestDatabase.DefaultRegions, TimeProvider.System);
        }
        // A template must have no open connection when it is copied.
        await using (var connection = new NpgsqlConnection(template.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        // Dropped with the cluster at the end of tests/run.sh.
        return template.name;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public PortalDbContext CreateDbContext() => new PostgresPortalDbContext(options);

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
