using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using Portal.Web.Data;

namespace Portal.UnitTests.Data;

/// <summary>Instances started together on a database that does not exist yet: one creates and migrates it, the others wait their turn.</summary>
public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task Three_instances_starting_at_once_on_an_empty_server_create_and_migrate_one_database_without_error()
    {
        var name = $"portal_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.Server) { Database = name }.ToString();
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(connectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(services => Task.Run(() => services.MigratePortalDatabaseAsync())));

            await using var db = await instances[0].GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            foreach (var services in instances)
            {
                await services.DisposeAsync();
            }
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(PostgresTestDatabase.Server);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static ServiceProvider Instance(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPortalData(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .BuildServiceProvider();
    }
}
