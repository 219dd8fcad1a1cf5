using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Web.Data;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// An empty database of its own in the throwaway PostgreSQL cluster that <c>tests/run.sh</c> starts
/// (<c>PORTAL_TEST_POSTGRES</c>), for portal processes to migrate and share; dropped afterwards.
/// </summary>
public sealed class PortalTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PORTAL_TEST_POSTGRES";

    private readonly string name = $"portal_e2e_{Guid.NewGuid():N}";

    private PortalTestDatabase() => ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();

    public string ConnectionString { get; }

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} is not set: run tests/run.sh, which starts a throwaway PostgreSQL cluster for these tests.");

    public static async Task<PortalTestDatabase> CreateAsync()
    {
        var database = new PortalTestDatabase();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.name}\"");
        return database;
    }

    /// <summary>The connection string one instance uses, named so the server's activity view tells the instances apart.</summary>
    public string ConnectionStringFor(string instance) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = instance, MaxPoolSize = 30 }.ToString();

    /// <summary>A context on this database, for a test to seed and read what the portals stored.</summary>
    public PortalDbContext CreateDbContext() =>
        new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Closes the connection an instance listens for other instances' changes on, as a network failure would.</summary>
    public async Task<int> TerminateListenerAsync(string instance)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @instance AND query ILIKE 'LISTEN%'",
            connection);
        command.Parameters.AddWithValue("instance", instance);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
