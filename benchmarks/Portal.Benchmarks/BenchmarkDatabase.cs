using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Portal.Web.Data;

namespace Portal.Benchmarks;

/// <summary>
/// A temp SQLite file with the portal's real migrations, in WAL mode like the app, deleted on dispose; or, given a
/// PostgreSQL server, a fresh database there with the PostgreSQL migrations, dropped on dispose.
/// Records the SQL it runs so a mode can show the query plans behind its timings.
/// </summary>
public sealed class BenchmarkDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
    private readonly CommandRecorder recorder = new();
    private readonly DbContextOptions<PortalDbContext>? sqlite;
    private readonly DbContextOptions<PostgresPortalDbContext>? postgres;
    private readonly string? postgresServer;
    private readonly string postgresDatabase = $"portal_bench_{Guid.NewGuid():N}";

    private BenchmarkDatabase(string? postgresServer)
    {
        this.postgresServer = postgresServer;
        if (postgresServer is null)
        {
            sqlite = new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite($"Data Source={path};Default Timeout=30")
                .AddInterceptors(recorder)
                .Options;
        }
        else
        {
            postgres = new DbContextOptionsBuilder<PostgresPortalDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ToString())
                .AddInterceptors(recorder)
                .Options;
        }
    }

    public string Provider => postgres is null ? "SQLite" : "PostgreSQL";

    /// <summary>Leaves the file behind (its path is printed) to explore it with the sqlite3 shell.</summary>
    public bool Keep { get; init; }

    public string Path => path;

    /// <param name="postgresServer">A PostgreSQL connection string to create the database on; null for SQLite.</param>
    public static async Task<BenchmarkDatabase> CreateAsync(bool keep = false, string? postgresServer = null)
    {
        var database = new BenchmarkDatabase(postgresServer) { Keep = keep };
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return database;
    }

    public PortalDbContext CreateDbContext() => postgres is null ? new PortalDbContext(sqlite!) : new PostgresPortalDbContext(postgres);

    public long FileSizeBytes
    {
        get
        {
            if (postgres is null)
            {
                return new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
            }
            using var db = CreateDbContext();
            return db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").AsEnumerable().First();
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns the SQL commands it sent.</summary>
    public async Task<IReadOnlyList<RecordedCommand>> RecordAsync(Func<Task> action)
    {
        recorder.Commands.Clear();
        recorder.Recording = true;
        try
        {
            await action();
        }
        finally
        {
            recorder.Recording = false;
        }
        return [.. recorder.Commands];
    }

    /// <summary>The query plan of a recorded command (SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN), one line per step.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand command)
    {
        if (postgres is not null)
        {
            await using var db = CreateDbContext();
            var pg = (NpgsqlConnection)db.Database.GetDbConnection();
            await pg.OpenAsync();
            await using var explainPg = new NpgsqlCommand("EXPLAIN " + command.Sql, pg);
            foreach (var (name, value) in command.Parameters)
            {
                explainPg.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            var lines = new List<string>();
            await using var rows = await explainPg.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                lines.Add(rows.GetString(0).Trim());
            }
            return lines;
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            if (Keep)
            {
                Console.WriteLine($"Database kept: {postgresDatabase}");
                return;
            }
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        if (Keep)
        {
            Console.WriteLine($"Database kept at {path}");
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        await Task.CompletedTask;
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public bool Recording { get; set; }
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Recording)
            {
                Commands.Add(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
