using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Web.Data;

namespace Portal.Benchmarks;

/// <summary>
/// A temp SQLite file with the portal's real migrations, in WAL mode like the app, deleted on dispose.
/// Records the SQL it runs so a mode can show the query plans behind its timings.
/// </summary>
public sealed class BenchmarkDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
    private readonly CommandRecorder recorder = new();
    private readonly DbContextOptions<PortalDbContext> options;

    private BenchmarkDatabase() =>
        options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite($"Data Source={path};Default Timeout=30")
            .AddInterceptors(recorder)
            .Options;

    /// <summary>Leaves the file behind (its path is printed) to explore it with the sqlite3 shell.</summary>
    public bool Keep { get; init; }

    public string Path => path;

    public static async Task<BenchmarkDatabase> CreateAsync(bool keep = false)
    {
        var database = new BenchmarkDatabase { Keep = keep };
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public PortalDbContext CreateDbContext() => new(options);

    public long FileSizeBytes => new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

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

    /// <summary>SQLite's EXPLAIN QUERY PLAN for a recorded command, one line per step.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand command)
    {
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
