using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveConnectionString(configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);
        // A factory, not a scoped context: a Blazor Server circuit lives long and runs handlers concurrently.
        services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite(connectionString));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Makes a relative SQLite path relative to the content root and creates its folder.</summary>
    internal static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/portal.db");
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        // Wait for a busy writer rather than failing at once: the worker and the circuits write concurrently.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>Applies the migrations (the only source of the schema) and switches the file to WAL.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
